-- Records written by the transaction that made the change (rules §45.1: a
-- change and its record commit together), waiting to be chained. Writing here
-- takes no global lock, so audited transactions commit side by side; the
-- chainer moves them into audit_event in batches, in one transaction with the
-- chain head, and removes them from here.
-- MariaDB commits DDL at once: each statement is safe to run again.
CREATE TABLE IF NOT EXISTS audit_pending (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at     DATETIME(6)  NOT NULL,
    event_type      VARCHAR(100) NOT NULL,
    subject         VARCHAR(200) NOT NULL,
    actor           VARCHAR(200) NOT NULL,
    actor_role      VARCHAR(50)  NOT NULL,
    address         VARCHAR(64)  NOT NULL,
    user_agent      VARCHAR(500) NOT NULL,
    correlation_id  VARCHAR(64)  NOT NULL,
    details         TEXT         NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
