package kz.qyzmet.ledger.internal;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** Rows of the ledger's tables; times are UTC. */
final class Rows {
    private Rows() {
    }

    public static class EntryRow {
        public Long id;
        public String idempotencyKey;
        public String kind;
        public String description;
        public String reference;
        public Long reverses;
        public LocalDateTime postedAt;
        public String actor;
    }

    public static class PostingRow {
        public Long id;
        public Long entryId;
        public String accountId;
        public String subAccount;
        public String asset;
        public BigDecimal amount;
        public LocalDateTime postedAt;
    }

    public static class BalanceRow {
        public String accountId;
        public String asset;
        public String subAccount;
        public BigDecimal amount;
    }

    public static class OperationRow {
        public Long entryId;
        public Long postingId;
        public LocalDateTime postedAt;
        public String kind;
        public String description;
        public String reference;
        public Long reverses;
        public String subAccount;
        public String asset;
        public BigDecimal amount;
    }

    public static class AccountRow {
        public String id;
        public String type;
        public String owner;
        public String name;
        public LocalDateTime openedAt;
    }

    public static class AssetRow {
        public String code;
        public String kind;
        public Integer scale;
        public String name;
    }
}
