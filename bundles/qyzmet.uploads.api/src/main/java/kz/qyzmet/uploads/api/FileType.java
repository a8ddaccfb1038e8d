package kz.qyzmet.uploads.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;

/**
 * The kinds of file clients may upload (source-of-funds evidence, identity
 * documents, documents staff attach), told from the bytes (issue #15: the type
 * is checked from the content, not the name): a PDF by its header and its
 * end-of-file marker, a JPEG by its start and end markers, a PNG by its
 * signature, its header chunk first and its end chunk last. A file whose name or
 * declared type says otherwise than its bytes is refused as disguised.
 */
public enum FileType {
    PDF("application/pdf", List.of("pdf")),
    JPEG("image/jpeg", List.of("jpg", "jpeg")),
    PNG("image/png", List.of("png"));

    private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
    private static final byte[] PNG_END = { 0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82 };
    private static final LocalizedText NOT_ACCEPTED = LocalizedText.of(
            "Файл PDF, JPEG немесе PNG емес (мазмұны бойынша тексерілді, атауы бойынша емес).",
            "Файл не PDF, не JPEG и не PNG (проверено по содержимому, а не по имени).",
            "The file is not a PDF, JPEG or PNG (judged by its content, not its name).");

    private final String mediaType;
    private final List<String> extensions;

    FileType(String mediaType, List<String> extensions) {
        this.mediaType = mediaType;
        this.extensions = extensions;
    }

    /** {@code application/pdf}, {@code image/jpeg}, {@code image/png}. */
    public String mediaType() {
        return mediaType;
    }

    /** The file name extensions this type goes by, the usual one first. */
    public List<String> extensions() {
        return extensions;
    }

    /** The accepted type these bytes are, whole (a truncated file is none). */
    public static Optional<FileType> of(byte[] bytes) {
        if (startsWith(bytes, "%PDF-".getBytes(StandardCharsets.US_ASCII)) && pdfEnds(bytes)) {
            return Optional.of(PDF);
        }
        if (bytes.length > 4 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF
                && jpegEnds(bytes)) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, PNG_SIGNATURE) && bytes.length >= 8 + 25 + PNG_END.length
                && new String(bytes, 12, 4, StandardCharsets.US_ASCII).equals("IHDR") && endsWith(bytes, PNG_END)) {
            return Optional.of(PNG);
        }
        return Optional.empty();
    }

    /**
     * The type of an uploaded file: its bytes must be one of the accepted types,
     * and the name's extension and the declared media type (when they say
     * anything) must agree with them. Refused with 415 and the reason otherwise.
     */
    public static FileType check(byte[] bytes, String fileName, String declaredType) {
        FileType type = of(bytes).orElseThrow(() -> refused(NOT_ACCEPTED, null));
        String extension = extension(fileName);
        if (extension != null && !type.extensions.contains(extension)) {
            throw refused(LocalizedText.of("Файл «.{extension}» деп аталған, бірақ мазмұны — {type}: файл түрі жасырылған.",
                    "Файл назван «.{extension}», но по содержимому это {type}: тип файла замаскирован.",
                    "The file is named \".{extension}\" but its content is {type}: its type is disguised.")
                    .format(Map.of("extension", extension, "type", type.name())), type);
        }
        String declared = declaredType == null ? null : declaredType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (declared != null && !declared.isEmpty() && !declared.equals("application/octet-stream")
                && !declared.equals(type.mediaType) && !(type == JPEG && declared.equals("image/jpg"))) {
            throw refused(LocalizedText.of("Файл {declared} ретінде жіберілді, бірақ мазмұны — {type}: файл түрі жасырылған.",
                    "Файл отправлен как {declared}, но по содержимому это {type}: тип файла замаскирован.",
                    "The file was sent as {declared} but its content is {type}: its type is disguised.")
                    .format(Map.of("declared", declared, "type", type.name())), type);
        }
        return type;
    }

    /** The name kept for the file: its own base name when it has one, else {@code fallback} with the type's extension. */
    public String fileName(String given, String fallback) {
        String base = given == null ? "" : given.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (base.isEmpty() || base.startsWith(".")) {
            return fallback + "." + extensions.get(0);
        }
        return base.length() <= 200 ? base : base.substring(base.length() - 200);
    }

    private static String extension(String fileName) {
        if (fileName == null) {
            return null;
        }
        String name = fileName.strip();
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1 ? null : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static ProblemException refused(LocalizedText reason, FileType found) {
        return new ProblemException(415, CommonProblems.UNSUPPORTED_MEDIA_TYPE, reason,
                found == null ? Map.of("accepted", "PDF, JPEG, PNG") : Map.of("accepted", "PDF, JPEG, PNG", "content",
                        found.mediaType), Map.of());
    }

    private static boolean pdfEnds(byte[] bytes) {
        int from = Math.max(0, bytes.length - 1024);
        return new String(bytes, from, bytes.length - from, StandardCharsets.ISO_8859_1).contains("%%EOF");
    }

    private static boolean jpegEnds(byte[] bytes) {
        int end = bytes.length;
        while (end > 2 && bytes[end - 1] == 0) { // some writers pad after the end marker
            end--;
        }
        return (bytes[end - 2] & 0xFF) == 0xFF && (bytes[end - 1] & 0xFF) == 0xD9;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWith(byte[] bytes, byte[] suffix) {
        if (bytes.length < suffix.length) {
            return false;
        }
        for (int i = 0; i < suffix.length; i++) {
            if (bytes[bytes.length - suffix.length + i] != suffix[i]) {
                return false;
            }
        }
        return true;
    }
}
