package kz.qyzmet.service.sourceoffunds.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import kz.qyzmet.common.api.ProblemException;

/** The evidence's type is told from its bytes, and a name or declared type that says otherwise is refused (issue #15). */
class EvidenceTypeTest {
    static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    static byte[] image(String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    @Test
    void pdfJpegAndPngAreToldFromTheirBytes() throws IOException {
        assertEquals(EvidenceType.PDF, EvidenceType.check(PDF, "statement.pdf", "application/pdf"));
        assertEquals(EvidenceType.JPEG, EvidenceType.check(image("jpg"), "scan.JPEG", "image/jpg"));
        assertEquals(EvidenceType.PNG, EvidenceType.check(image("png"), "photo.png", "application/octet-stream"));
        assertEquals(EvidenceType.PNG, EvidenceType.check(image("png"), null, null), "no name, no type: the bytes decide");
    }

    @Test
    void aProgramNamedAsAPdfIsRefused() {
        byte[] program = new byte[512];
        program[0] = 'M';
        program[1] = 'Z';
        ProblemException refused = assertThrows(ProblemException.class,
                () -> EvidenceType.check(program, "statement.pdf", "application/pdf"));
        assertEquals(415, refused.status());
        assertTrue(refused.detail().en().contains("not a PDF, JPEG or PNG"), refused.detail().en());
    }

    @Test
    void aRealFileWhoseNameOrDeclaredTypeSaysOtherwiseIsRefusedAsDisguised() throws IOException {
        ProblemException named = assertThrows(ProblemException.class, () -> EvidenceType.check(image("png"), "statement.pdf",
                null));
        assertTrue(named.detail().en().contains("named \".pdf\" but its content is PNG"), named.detail().en());
        ProblemException declared = assertThrows(ProblemException.class, () -> EvidenceType.check(PDF, "statement",
                "image/png"));
        assertTrue(declared.detail().ru().contains("замаскирован"), declared.detail().ru());
        assertThrows(ProblemException.class, () -> EvidenceType.check(PDF, "statement.exe", null), "an .exe stays refused");
    }

    @Test
    void aTruncatedFileIsNone() throws IOException {
        byte[] png = image("png");
        assertTrue(EvidenceType.of(Arrays.copyOf(png, png.length - 5)).isEmpty(), "a PNG without its end chunk");
        byte[] jpeg = image("jpg");
        assertTrue(EvidenceType.of(Arrays.copyOf(jpeg, jpeg.length / 2)).isEmpty(), "half a JPEG");
        assertTrue(EvidenceType.of(Arrays.copyOf(PDF, 20)).isEmpty(), "a PDF without its end-of-file marker");
        assertTrue(EvidenceType.of(new byte[0]).isEmpty());
    }

    @Test
    void theKeptNameIsTheBaseNameWithoutPathOrQuotes() {
        assertEquals("выписка.pdf", EvidenceType.PDF.fileName("C:\\Users\\a\\выписка.pdf"));
        assertEquals("a_b.pdf".replace("_", ""), EvidenceType.PDF.fileName("../\"ab.pdf"));
        assertEquals("evidence.jpg", EvidenceType.JPEG.fileName("  "));
    }
}
