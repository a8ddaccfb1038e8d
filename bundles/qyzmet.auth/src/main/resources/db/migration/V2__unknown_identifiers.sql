-- §42 counted for identifiers that belong to nobody as well (§22: after five
-- failures "locked" must not tell an existing account from a made-up one).
-- MariaDB commits DDL at once: each statement is safe to run again.
CREATE TABLE IF NOT EXISTS auth_unknown_identifier (
    identifier_hash  BINARY(32)   NOT NULL PRIMARY KEY,
    failed_attempts  INT          NOT NULL,
    locked_until     DATETIME(6)  NULL
) ENGINE = InnoDB;
