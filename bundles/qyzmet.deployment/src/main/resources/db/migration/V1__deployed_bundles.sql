-- The service bundles deployed on the platform, for every node (issue #12: one set
-- cluster-wide, installed by a node that joins). One row per symbolic name: one
-- version runs. A removed bundle keeps its row (when, by whom); its data stays.
-- Idempotent statements: MariaDB does not roll DDL back.
CREATE TABLE IF NOT EXISTS deploy_bundle (
    symbolic_name  VARCHAR(200) NOT NULL PRIMARY KEY,
    version        VARCHAR(100) NOT NULL,
    sha256         CHAR(64)     NOT NULL,
    content        LONGBLOB     NOT NULL,
    source         VARCHAR(300) NOT NULL,
    signer         VARCHAR(500) NULL,
    deployed_at    DATETIME(6)  NOT NULL,
    deployed_by    VARCHAR(200) NOT NULL,
    removed_at     DATETIME(6)  NULL,
    removed_by     VARCHAR(200) NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
