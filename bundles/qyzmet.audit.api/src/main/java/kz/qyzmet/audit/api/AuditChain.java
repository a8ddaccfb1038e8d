package kz.qyzmet.audit.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The journal's hash chain, published so that anyone can verify a journal
 * without the platform: each record's hash is SHA-256 over the previous
 * record's hash and every field of the record, each field written as its UTF-8
 * byte length, a colon, and its bytes, so no two different records serialise
 * alike. The first record's previous hash is {@link #GENESIS}.
 */
public final class AuditChain {
    /** The previous hash of the first record. */
    public static final String GENESIS = "0".repeat(64);
    /** Times are hashed as UTC with microseconds, the precision the journal stores. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private AuditChain() {
    }

    /**
     * @param detailsJson the details exactly as stored (a JSON object)
     */
    public static String hash(String previousHash, long sequence, Instant recordedAt, AuditEvent event, String detailsJson) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        for (String field : new String[] { previousHash, Long.toString(sequence), TIME.format(recordedAt), event.type(),
                event.subject(), event.actor(), event.actorRole(), event.address(), event.userAgent(),
                event.correlationId(), detailsJson }) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            sha256.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha256.update(bytes);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

}
