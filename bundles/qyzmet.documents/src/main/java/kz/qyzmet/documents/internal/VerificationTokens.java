package kz.qyzmet.documents.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The key of a document's public lookup (issue #13): 256 random bits, URL-safe,
 * so the QR code's link cannot be guessed or counted through the way a number
 * series can.
 */
final class VerificationTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");

    private VerificationTokens() {
    }

    static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean wellFormed(String token) {
        return token != null && FORM.matcher(token).matches();
    }
}
