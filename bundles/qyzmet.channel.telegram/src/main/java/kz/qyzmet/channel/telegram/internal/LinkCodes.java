package kz.qyzmet.channel.telegram.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import kz.qyzmet.common.api.OwnerOnlyFiles;

/**
 * Link codes derived from the link's id under a key only this bundle holds (in
 * the data directory, owner only): the client's page shows the code again while
 * it is pending, and the table keeps only a keyed digest — without the key, its
 * 40 bits cannot be searched offline. Eight letters and digits with the
 * look-alikes (I, O, 0, 1) left out, shown as two groups of four.
 */
final class LinkCodes {
    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 8;
    private final byte[] key;

    LinkCodes(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("a link key has at least 256 bits");
        }
        this.key = key.clone();
    }

    /** The key in {@code file}, made on first use. */
    static LinkCodes fromKeyFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            OwnerOnlyFiles.write(file, fresh);
        }
        return new LinkCodes(Files.readAllBytes(file));
    }

    /** The code of a link, as the client types it: {@code K7QM-4TXZ}. */
    String code(String linkId) {
        byte[] mac = hmac("code:" + linkId);
        StringBuilder code = new StringBuilder(LENGTH + 1);
        long bits = 0;
        for (int i = 0; i < 5; i++) {
            bits = bits << 8 | (mac[i] & 0xff);
        }
        for (int i = LENGTH - 1; i >= 0; i--) {
            code.append(ALPHABET.charAt((int) (bits >>> (5 * i) & 31)));
        }
        return code.insert(4, '-').toString();
    }

    /** What is stored and looked up: the keyed digest of a code as normalised. */
    byte[] digest(String normalisedCode) {
        return hmac("lookup:" + normalisedCode);
    }

    /**
     * What a chat sent, as a code: {@code /start K7QM4TXZ} (the bot's deep link),
     * {@code k7qm-4txz} or {@code K7QM 4TXZ} all read the same; anything else is
     * not a code.
     */
    static String normalise(String text) {
        if (text == null) {
            return null;
        }
        String body = text.strip();
        if (body.startsWith("/start")) {
            body = body.substring("/start".length());
        }
        String code = body.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return null;
        }
        for (char c : code.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return null;
            }
        }
        return code;
    }

    private byte[] hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
