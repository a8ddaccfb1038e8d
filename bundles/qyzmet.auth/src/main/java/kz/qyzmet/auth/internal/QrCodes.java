package kz.qyzmet.auth.internal;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * The QR code of §35.2: its content names the challenge and carries a secret
 * only the web page that showed it (and the app that scans it) ever see; it is
 * rendered with ZXing as an SVG the cabinet embeds as is.
 */
final class QrCodes {
    private static final String PREFIX = "qyzmet-qr:";

    record Parsed(String id, String secret) {
    }

    private QrCodes() {
    }

    static String content(String id, String secret) {
        return PREFIX + id + ":" + secret;
    }

    static Parsed parse(String content) {
        if (content == null || !content.startsWith(PREFIX)) {
            return null;
        }
        String[] parts = content.substring(PREFIX.length()).split(":", 2);
        return parts.length == 2 && parts[0].length() == 36 ? new Parsed(parts[0], parts[1]) : null;
    }

    /** An SVG with one path: black modules on white, a 4-module quiet zone. */
    static String svg(String content) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            StringBuilder path = new StringBuilder();
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if (matrix.get(x, y)) {
                        path.append('M').append(x).append(',').append(y).append("h1v1h-1z");
                    }
                }
            }
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + matrix.getWidth() + " " + matrix.getHeight()
                    + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\""
                    + path + "\"/></svg>";
        } catch (WriterException e) {
            throw new IllegalStateException("QR encoding failed", e);
        }
    }
}
