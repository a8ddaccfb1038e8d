package kz.qyzmet.audit.internal;

import java.time.LocalDateTime;

/** One row of {@code audit_event}; times are UTC. */
public class AuditRow {
    public Long sequence;
    public LocalDateTime recordedAt;
    public String eventType;
    public String subject;
    public String actor;
    public String actorRole;
    public String address;
    public String userAgent;
    public String correlationId;
    public String details;
    public String previousHash;
    public String recordHash;
}
