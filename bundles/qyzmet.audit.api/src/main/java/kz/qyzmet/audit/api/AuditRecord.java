package kz.qyzmet.audit.api;

import java.time.Instant;

/** A stored journal record: its sequence number, the time the journal stamped, and the event. */
public record AuditRecord(long sequence, Instant recordedAt, AuditEvent event) {
}
