-- Background work of every service (issue #12): queued in the database so that any node can take
-- a job; a node that stops beating its heart leaves the job to another. Idempotent statements:
-- MariaDB does not roll DDL back.
CREATE TABLE IF NOT EXISTS jobs_job (
    id            CHAR(36)      NOT NULL PRIMARY KEY,
    kind          VARCHAR(100)  NOT NULL,
    subject       VARCHAR(200)  NOT NULL,
    parameters    TEXT          NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    percent       INT           NOT NULL DEFAULT 0,
    count         BIGINT        NOT NULL DEFAULT 0,
    result        VARCHAR(500)  NULL,
    error         VARCHAR(1000) NULL,
    claimed_by    VARCHAR(100)  NULL,
    attempts      INT           NOT NULL DEFAULT 0,
    heartbeat_at  DATETIME(6)   NULL,
    created_at    DATETIME(6)   NOT NULL,
    finished_at   DATETIME(6)   NULL,
    UNIQUE KEY jobs_job_subject (kind, subject),
    KEY jobs_job_claimable (status, kind, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
