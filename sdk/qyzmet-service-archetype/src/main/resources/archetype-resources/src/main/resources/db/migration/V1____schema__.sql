-- The requests "${serviceId}" carried out: its own table, migrated when the bundle starts.
-- Idempotent: MariaDB does not roll DDL back, so a migration may have to run twice.
CREATE TABLE IF NOT EXISTS ${schema}_done (
    instruction_id  CHAR(36)      NOT NULL PRIMARY KEY,
    client_id       VARCHAR(64)   NOT NULL,
    text            VARCHAR(200)  NOT NULL,
    done_at         DATETIME(6)   NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
