package kz.qyzmet.auth.internal;

import java.time.LocalDateTime;

/** A row of {@code auth_qr}. */
public class QrRow {
    public String id;
    public byte[] secretHash;
    public String sessionId;
    public String identityId;
    public LocalDateTime createdAt;
    public LocalDateTime expiresAt;
    public LocalDateTime approvedAt;
    public String approvedBySession;
    /** When the web session that showed the code took its security stage (and a new token). */
    public LocalDateTime claimedAt;
}
