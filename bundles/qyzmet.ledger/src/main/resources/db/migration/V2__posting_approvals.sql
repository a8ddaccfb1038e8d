-- Operator postings above a threshold wait for a second operator (maker-checker).
-- Nothing here moves money: the entry is posted only when approved.
-- MariaDB commits DDL at once: each statement is safe to run again.
CREATE TABLE IF NOT EXISTS ledger_approval (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind             VARCHAR(40)    NOT NULL,
    idempotency_key  VARCHAR(100)   NOT NULL,
    account_id       VARCHAR(64)    NOT NULL,
    counterpart_id   VARCHAR(64)    NOT NULL,
    asset            VARCHAR(12)    NOT NULL,
    amount           DECIMAL(48,18) NOT NULL,
    reference        VARCHAR(200)   NOT NULL,
    description      VARCHAR(500)   NOT NULL,
    maker            VARCHAR(200)   NOT NULL,
    requested_at     DATETIME(6)    NOT NULL,
    status           VARCHAR(20)    NOT NULL,
    checker          VARCHAR(200)   NULL,
    decided_at       DATETIME(6)    NULL,
    entry_id         BIGINT         NULL,
    reason           VARCHAR(500)   NULL,
    CONSTRAINT ledger_approval_key UNIQUE (idempotency_key),
    INDEX ledger_approval_status (status, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
