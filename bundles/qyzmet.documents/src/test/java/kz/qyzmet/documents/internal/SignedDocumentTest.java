package kz.qyzmet.documents.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;

import kz.qyzmet.common.api.Language;
import kz.qyzmet.documents.api.Block;
import kz.qyzmet.documents.api.DocumentSpec;
import kz.qyzmet.documents.api.SignatureCheck;

/**
 * Issue #13: every PDF is signed by the broker (PAdES B-B, the number in the
 * signature); one changed byte, or bytes appended, break it; a file without a
 * signature has none; a reader that is not iText (PDFBox) sees the signature.
 */
class SignedDocumentTest {
    private static final String NUMBER = "AE-2026-000042";

    @TempDir
    Path directory;

    private DocumentSigner signer() throws Exception {
        Path store = directory.resolve("signing.p12");
        Path password = directory.resolve("signing.password");
        SigningKeys.generate(store, password, "Qyzmet Broker JSC");
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(store), "owner only");
        return SigningKeys.load(store, "PKCS12", Files.readString(password).strip().toCharArray(), SigningKeys.GENERATED_ALIAS,
                "Qyzmet Broker JSC");
    }

    private Path unsigned() throws Exception {
        DocumentSpec spec = new DocumentSpec("account-extract", "DEMO-0001", Language.RU, "Выписка по лицевому счёту",
                List.of(new Block.Fields(List.of(new Block.Field("Остаток, KZT", "29 417 369,89")))), null);
        Path file = directory.resolve("unsigned.pdf");
        try (var out = Files.newOutputStream(file)) {
            new PdfRenderer().render(spec, new PdfRenderer.Letterhead("АО «Qyzmet Broker»", "г. Алматы", NUMBER,
                    Instant.parse("2026-11-25T10:15:00Z"), "https://localhost:8443/api/v1/documents/verification/x", false), out);
        }
        return file;
    }

    private static byte[] sign(DocumentSigner signer, Path unsigned) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        signer.sign(unsigned, out, NUMBER, Instant.parse("2026-11-25T10:15:00Z"));
        return out.toByteArray();
    }

    @Test
    void aSignedDocumentIsValidAndNamesItsNumber() throws Exception {
        DocumentSigner signer = signer();
        Path unsigned = unsigned();
        byte[] signed = sign(signer, unsigned);
        byte[] original = Files.readAllBytes(unsigned);
        assertArrayEquals(original, Arrays.copyOf(signed, original.length), "an incremental update: the rendered file stays as it was");

        SignatureCheck check = new SignatureVerifier(signer.certificate()).check(signed);
        assertEquals(SignatureCheck.Status.VALID, check.status());
        assertEquals(NUMBER, check.number());
        assertTrue(check.signer().contains("Qyzmet Broker JSC"), check.signer());
        assertEquals(SignatureVerifier.fingerprint(signer.certificate()), check.certificateSha256());

        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignature signature = document.getLastSignatureDictionary();
            assertEquals("ETSI.CAdES.detached", signature.getSubFilter(), "PAdES, not the older PKCS#7 form");
            assertEquals(NUMBER, signature.getReason());
            int[] range = signature.getByteRange();
            assertEquals(signed.length, range[2] + range[3], "the signature covers the whole file");
        }
    }

    @Test
    void theSignedFileIsStillPdfA2aAndPdfUa1() throws Exception {
        byte[] signed = sign(signer(), unsigned());
        assertEquals(List.of(), PdfConformance.failures(signed, PDFAFlavour.PDFA_2_A), "veraPDF, PDF/A-2a");
        assertEquals(List.of(), PdfConformance.failures(signed, PDFAFlavour.PDFUA_1), "veraPDF, PDF/UA-1");
    }

    @Test
    void oneChangedByteOrAnAppendedUpdateBreaksTheSignature() throws Exception {
        DocumentSigner signer = signer();
        byte[] signed = sign(signer, unsigned());
        SignatureVerifier verifier = new SignatureVerifier(signer.certificate());

        byte[] changed = signed.clone();
        int at = indexOf(changed, "/Producer".getBytes(StandardCharsets.US_ASCII));
        assertTrue(at > 0);
        changed[at + 1] = (byte) 'p'; // a byte inside the signed range
        assertEquals(SignatureCheck.Status.BROKEN, verifier.check(changed).status());

        byte[] appended = Arrays.copyOf(signed, signed.length + 20);
        System.arraycopy("\n% appended later\n".getBytes(StandardCharsets.US_ASCII), 0, appended, signed.length, 18);
        assertEquals(SignatureCheck.Status.BROKEN, verifier.check(appended).status());
    }

    @Test
    void anUnsignedFileOrNotAPdfHasNoSignatureAndAnotherKeyIsForeign() throws Exception {
        DocumentSigner signer = signer();
        Path unsigned = unsigned();
        SignatureVerifier verifier = new SignatureVerifier(signer.certificate());
        assertEquals(SignatureCheck.Status.ABSENT, verifier.check(Files.readAllBytes(unsigned)).status());
        assertEquals(SignatureCheck.Status.ABSENT, verifier.check("date;amount\n".getBytes(StandardCharsets.UTF_8)).status());

        Path other = directory.resolve("other");
        Files.createDirectories(other);
        SigningKeys.generate(other.resolve("s.p12"), other.resolve("s.password"), "Someone Else");
        DocumentSigner stranger = SigningKeys.load(other.resolve("s.p12"), "PKCS12",
                Files.readString(other.resolve("s.password")).strip().toCharArray(), null, "Someone Else");
        assertEquals(SignatureCheck.Status.FOREIGN, verifier.check(sign(stranger, unsigned)).status());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
