package kz.qyzmet.ledger.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An amount of one asset on a client's account set aside for one purpose (a
 * withdrawal instruction, an order) and identified by its {@code reference}.
 *
 * @param reference    who the hold is for, e.g. {@code withdrawal:<instruction id>}; unique
 * @param account      the account it is on
 * @param asset        the currency or security held
 * @param amount       how much, positive
 * @param description  for statements (what the client sees the hold as)
 * @param state        where it stands
 * @param placedEntry  the entry that moved the amount from AVAILABLE to HELD
 * @param placedAt     when
 * @param closingEntry the settlement or release entry, null while placed
 * @param closedAt     when it was settled or released, null while placed
 * @param closedBy     who settled or released it, null while placed
 * @since 1.5
 */
public record Hold(String reference, String account, String asset, BigDecimal amount, String description, HoldState state,
        long placedEntry, Instant placedAt, Long closingEntry, Instant closedAt, String closedBy) {
}
