package kz.qyzmet.clients.api;

import java.time.Instant;

/** A search an operator saved under a name, to run again (rules §16.2). */
public record SavedSearch(long id, String operator, String name, ClientQuery query, Instant createdAt) {
}
