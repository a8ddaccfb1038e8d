-- The ledger of nominee-holding accounts. Entries and postings are immutable
-- (rules §45.3): the database refuses to change or delete them; corrections are
-- reversal entries that reference the original.
CREATE TABLE ledger_asset (
    code   VARCHAR(12)  NOT NULL PRIMARY KEY,
    kind   VARCHAR(10)  NOT NULL,
    scale  TINYINT      NOT NULL,
    name   VARCHAR(200) NOT NULL,
    CONSTRAINT ledger_asset_kind CHECK (kind IN ('CURRENCY', 'SECURITY')),
    CONSTRAINT ledger_asset_scale CHECK (scale BETWEEN 0 AND 12)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE ledger_account (
    id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    type       VARCHAR(10)  NOT NULL,
    owner      VARCHAR(64)  NULL,
    name       VARCHAR(200) NOT NULL,
    opened_at  DATETIME(6)  NOT NULL,
    CONSTRAINT ledger_account_type CHECK (type IN ('CLIENT', 'BROKER', 'OMNIBUS', 'EXTERNAL')),
    INDEX ledger_account_owner (owner)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE ledger_entry (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    idempotency_key  VARCHAR(100) NOT NULL,
    kind             VARCHAR(40)  NOT NULL,
    description      VARCHAR(500) NOT NULL,
    reference        VARCHAR(200) NOT NULL,
    reverses         BIGINT       NULL,
    posted_at        DATETIME(6)  NOT NULL,
    actor            VARCHAR(200) NOT NULL,
    CONSTRAINT ledger_entry_idempotency UNIQUE (idempotency_key),
    CONSTRAINT ledger_entry_reversed_once UNIQUE (reverses),
    CONSTRAINT ledger_entry_reverses FOREIGN KEY (reverses) REFERENCES ledger_entry (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE ledger_posting (
    id           BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    entry_id     BIGINT         NOT NULL,
    account_id   VARCHAR(64)    NOT NULL,
    sub_account  VARCHAR(10)    NOT NULL,
    asset        VARCHAR(12)    NOT NULL,
    amount       DECIMAL(36,12) NOT NULL,
    posted_at    DATETIME(6)    NOT NULL,
    CONSTRAINT ledger_posting_entry FOREIGN KEY (entry_id) REFERENCES ledger_entry (id),
    CONSTRAINT ledger_posting_account FOREIGN KEY (account_id) REFERENCES ledger_account (id),
    CONSTRAINT ledger_posting_asset FOREIGN KEY (asset) REFERENCES ledger_asset (code),
    CONSTRAINT ledger_posting_sub CHECK (sub_account IN ('AVAILABLE', 'HELD', 'BLOCKED')),
    CONSTRAINT ledger_posting_nonzero CHECK (amount <> 0),
    INDEX ledger_posting_statement (account_id, posted_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Current balances, kept in the same transaction as the postings: the row lock
-- on them is what keeps concurrent withdrawals from overdrawing an account.
CREATE TABLE ledger_balance (
    account_id   VARCHAR(64)    NOT NULL,
    asset        VARCHAR(12)    NOT NULL,
    sub_account  VARCHAR(10)    NOT NULL,
    amount       DECIMAL(36,12) NOT NULL,
    PRIMARY KEY (account_id, asset, sub_account),
    CONSTRAINT ledger_balance_account FOREIGN KEY (account_id) REFERENCES ledger_account (id),
    CONSTRAINT ledger_balance_asset FOREIGN KEY (asset) REFERENCES ledger_asset (code)
) ENGINE = InnoDB;

CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE ON ledger_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger entries are immutable; post a reversal (rules 45.3)';
CREATE TRIGGER ledger_entry_no_delete BEFORE DELETE ON ledger_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger entries are immutable; post a reversal (rules 45.3)';
CREATE TRIGGER ledger_posting_no_update BEFORE UPDATE ON ledger_posting FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger postings are immutable; post a reversal (rules 45.3)';
CREATE TRIGGER ledger_posting_no_delete BEFORE DELETE ON ledger_posting FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger postings are immutable; post a reversal (rules 45.3)';
CREATE TRIGGER ledger_account_no_delete BEFORE DELETE ON ledger_account FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger accounts are never deleted (rules 45.3)';
