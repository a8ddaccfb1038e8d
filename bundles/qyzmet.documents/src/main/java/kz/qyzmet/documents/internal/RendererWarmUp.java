package kz.qyzmet.documents.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import kz.qyzmet.common.api.Language;
import kz.qyzmet.documents.api.Block;
import kz.qyzmet.documents.api.DocumentSpec;

/**
 * Lays out and signs one sample document off the start-up path (issue #13: the
 * first extract after a start within a second): fonts, the QR code, PDF/A
 * metadata and the signature are loaded and compiled before a client asks.
 * Nothing is stored or numbered.
 */
final class RendererWarmUp {
    static final String NUMBER = "WU-0000-000000";

    private RendererWarmUp() {
    }

    static void start(PdfRenderer renderer, DocumentSigner signer, PdfRenderer.Letterhead head) {
        Thread warming = new Thread(() -> {
            try {
                Path unsigned = Files.createTempFile("qyzmet-warm-up-", ".pdf");
                try {
                    DocumentSpec sample = new DocumentSpec("warm-up", null, Language.KK, "Үлгі", List.of(
                            new Block.Fields(List.of(new Block.Field("Шот", "0"))),
                            Block.Table.of(List.of(new Block.Column("Актив", 2, false), new Block.Column("Сомасы", 2, true)),
                                    List.of(List.of("KZT", "1\u00a0000,00")), null)), null);
                    try (OutputStream out = Files.newOutputStream(unsigned)) {
                        renderer.render(sample, head, out);
                    }
                    signer.sign(unsigned, OutputStream.nullOutputStream(), NUMBER, Instant.now());
                } finally {
                    Files.deleteIfExists(unsigned);
                }
            } catch (IOException | RuntimeException e) {
                // only a warm-up: the first real document pays for what did not warm
            }
        }, "qyzmet-documents-warm-up");
        warming.setDaemon(true);
        warming.setPriority(Thread.MIN_PRIORITY);
        warming.start();
    }
}
