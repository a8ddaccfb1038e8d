package kz.qyzmet.auth.internal;

import java.time.LocalDateTime;

/** A row of {@code auth_session}. */
public class SessionRow {
    public String id;
    public byte[] tokenHash;
    public byte[] csrfHash;
    public String identityId;
    public String kind;
    public String stage;
    public String securityMethod;
    public LocalDateTime securityOpenedAt;
    public String address;
    public String userAgent;
    public LocalDateTime createdAt;
    public LocalDateTime lastSeenAt;
    public LocalDateTime absoluteExpiry;
    public LocalDateTime endedAt;
    public String endReason;
}
