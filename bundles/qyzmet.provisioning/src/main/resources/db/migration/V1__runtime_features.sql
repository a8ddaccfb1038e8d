-- Features operators install while the platform runs, for every node (issue #12: the same set
-- cluster-wide; a node that joins installs them). A removed feature keeps its row (when, by whom).
-- Idempotent statements: MariaDB does not roll DDL back.
CREATE TABLE IF NOT EXISTS provisioning_feature (
    name          VARCHAR(200) NOT NULL PRIMARY KEY,
    installed_at  DATETIME(6)  NOT NULL,
    installed_by  VARCHAR(200) NOT NULL,
    removed_at    DATETIME(6)  NULL,
    removed_by    VARCHAR(200) NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
