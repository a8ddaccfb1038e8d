package kz.qyzmet.audit.api;

import java.time.Instant;

/**
 * An operator's search of the journal: every criterion is optional (null),
 * results come newest first, at most {@code limit}, before sequence
 * {@code beforeSequence} when paging.
 */
public record AuditQuery(String subject, String actor, String type, Instant from, Instant to, Long beforeSequence,
        int limit) {
    public static final int MAX_LIMIT = 500;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
    }
}
