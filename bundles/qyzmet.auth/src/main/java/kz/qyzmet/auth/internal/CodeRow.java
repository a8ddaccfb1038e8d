package kz.qyzmet.auth.internal;

import java.time.LocalDateTime;

/** A row of {@code auth_code}: one one-time code, by its HMAC. */
public class CodeRow {
    public String id;
    public String identityId;
    public String purpose;
    public byte[] codeHash;
    public String sessionId;
    public String subject;
    public String digest;
    public String preparedBy;
    public String channel;
    public LocalDateTime createdAt;
    public LocalDateTime expiresAt;
    public int attempts;
    public LocalDateTime usedAt;
}
