package kz.qyzmet.ledger.api;

import java.math.BigDecimal;
import java.time.Instant;

/** One posting as an account's statement shows it. */
public record Operation(long entryId, long postingId, Instant postedAt, String kind, String description,
        String reference, Long reverses, SubAccount subAccount, String asset, BigDecimal amount) {
}
