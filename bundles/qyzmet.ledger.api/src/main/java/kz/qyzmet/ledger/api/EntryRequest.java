package kz.qyzmet.ledger.api;

import java.util.List;
import java.util.Objects;

/**
 * A request to post one entry. Postings must balance per asset. A repeated
 * request with the same {@code idempotencyKey} returns the first entry and posts
 * nothing new.
 *
 * @param kind        what the entry is, e.g. {@code PAYMENT_IN}, {@code TRANSFER}, {@code HOLD}
 * @param description for statements and reports
 * @param reference   an outside reference (bank payment id, instruction id), may be empty
 * @param actor       who asked for it (identity), for the audit journal
 */
public record EntryRequest(String idempotencyKey, String kind, String description, String reference, String actor,
        List<Posting> postings) {

    public EntryRequest {
        Objects.requireNonNull(postings, "postings");
        postings = List.copyOf(postings);
        reference = reference == null ? "" : reference;
    }
}
