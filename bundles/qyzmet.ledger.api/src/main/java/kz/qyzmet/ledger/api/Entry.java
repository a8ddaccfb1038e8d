package kz.qyzmet.ledger.api;

import java.time.Instant;
import java.util.List;

/**
 * A posted entry. {@code reverses} names the entry this one reverses (a
 * correction, rules §45.3), else null; {@code replayed} is true when an
 * idempotent repeat returned this earlier entry.
 */
public record Entry(long id, String idempotencyKey, String kind, String description, String reference, Long reverses,
        Instant postedAt, String actor, List<Posting> postings, boolean replayed) {
}
