package kz.qyzmet.auth.internal;

import java.time.LocalDateTime;

/** A row of {@code auth_identity}. */
public class IdentityRow {
    public String id;
    public String login;
    public String email;
    public String phone;
    public String role;
    public String clientId;
    public String displayName;
    public String language;
    public String passwordHash;
    public LocalDateTime passwordChangedAt;
    public boolean passwordChangeRequired;
    public String status;
    public LocalDateTime statusChangedAt;
    public int failedAttempts;
    public LocalDateTime lockedUntil;
    public LocalDateTime createdAt;
    public String createdBy;
}
