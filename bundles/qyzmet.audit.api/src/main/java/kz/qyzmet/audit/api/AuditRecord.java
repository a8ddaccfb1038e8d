package kz.qyzmet.audit.api;

import java.time.Instant;

/**
 * A stored journal record: its sequence number, the time the journal stamped,
 * the event, and its place in the hash chain (rules §32, §45.1): {@code recordHash}
 * is {@link AuditChain#hash} over {@code previousHash} and this record's content.
 */
public record AuditRecord(long sequence, Instant recordedAt, AuditEvent event, String previousHash, String recordHash) {
}
