package kz.qyzmet.instructions.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import org.erdtman.jcs.JsonCanonicalizer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The form of an instruction that the client confirms: its content as JSON
 * canonicalised by RFC 8785 (JCS: keys sorted by UTF-16 code units, numbers as
 * ECMAScript prints them, no insignificant whitespace), and the SHA-256 of its
 * UTF-8 bytes. The same content always gives the same digest, on any node and
 * after any restart, so a code bound to the digest confirms exactly that content.
 */
final class CanonicalContent {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CanonicalContent() {
    }

    static String canonical(Map<String, Object> content) {
        try {
            return new JsonCanonicalizer(JSON.writeValueAsString(content)).getEncodedString();
        } catch (IOException e) {
            throw new UncheckedIOException("instruction content is not JSON", e);
        }
    }

    static String sha256(String canonical) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static Map<String, Object> parse(String canonical) {
        try {
            return JSON.readValue(canonical, new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("stored instruction content is not JSON", e);
        }
    }
}
