package kz.qyzmet.uploads.api;

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
class FileTypeTest {
    static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    static byte[] image(String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    @Test
    void pdfJpegAndPngAreToldFromTheirBytes() throws IOException {
        assertEquals(FileType.PDF, FileType.check(PDF, "statement.pdf", "application/pdf"));
        assertEquals(FileType.JPEG, FileType.check(image("jpg"), "scan.JPEG", "image/jpg"));
        assertEquals(FileType.PNG, FileType.check(image("png"), "photo.png", "application/octet-stream"));
        assertEquals(FileType.PNG, FileType.check(image("png"), null, null), "no name, no type: the bytes decide");
    }

    @Test
    void aProgramNamedAsAPdfIsRefused() {
        byte[] program = new byte[512];
        program[0] = 'M';
        program[1] = 'Z';
        ProblemException refused = assertThrows(ProblemException.class,
                () -> FileType.check(program, "statement.pdf", "application/pdf"));
        assertEquals(415, refused.status());
        assertTrue(refused.detail().en().contains("not a PDF, JPEG or PNG"), refused.detail().en());
    }

    @Test
    void aRealFileWhoseNameOrDeclaredTypeSaysOtherwiseIsRefusedAsDisguised() throws IOException {
        ProblemException named = assertThrows(ProblemException.class, () -> FileType.check(image("png"), "statement.pdf",
                null));
        assertTrue(named.detail().en().contains("named \".pdf\" but its content is PNG"), named.detail().en());
        ProblemException declared = assertThrows(ProblemException.class, () -> FileType.check(PDF, "statement",
                "image/png"));
        assertTrue(declared.detail().ru().contains("замаскирован"), declared.detail().ru());
        assertThrows(ProblemException.class, () -> FileType.check(PDF, "statement.exe", null), "an .exe stays refused");
    }

    @Test
    void aTruncatedFileIsNone() throws IOException {
        byte[] png = image("png");
        assertTrue(FileType.of(Arrays.copyOf(png, png.length - 5)).isEmpty(), "a PNG without its end chunk");
        byte[] jpeg = image("jpg");
        assertTrue(FileType.of(Arrays.copyOf(jpeg, jpeg.length / 2)).isEmpty(), "half a JPEG");
        assertTrue(FileType.of(Arrays.copyOf(PDF, 20)).isEmpty(), "a PDF without its end-of-file marker");
        assertTrue(FileType.of(new byte[0]).isEmpty());
    }

    @Test
    void theKeptNameIsTheBaseNameWithoutPathOrQuotes() {
        assertEquals("выписка.pdf", FileType.PDF.fileName("C:\\Users\\a\\выписка.pdf", "evidence"));
        assertEquals("a_b.pdf".replace("_", ""), FileType.PDF.fileName("../\"ab.pdf", "evidence"));
        assertEquals("evidence.jpg", FileType.JPEG.fileName("  ", "evidence"));
    }
}
