-- Report jobs (rules §7.1.2): queued in the database so that any node can take one; a node that
-- stops beating its heart leaves the job to another.
CREATE TABLE opr_job (
    id              CHAR(36)     NOT NULL PRIMARY KEY,
    instruction_id  CHAR(36)     NOT NULL,
    client_id       VARCHAR(64)  NOT NULL,
    account         VARCHAR(64)  NOT NULL,
    period_from     DATETIME(6)  NOT NULL,
    period_to       DATETIME(6)  NOT NULL,
    format          VARCHAR(10)  NOT NULL,
    language        CHAR(2)      NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    operations      BIGINT       NOT NULL DEFAULT 0,
    progress        INT          NOT NULL DEFAULT 0,
    claimed_by      VARCHAR(100) NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    heartbeat_at    DATETIME(6)  NULL,
    document_id     CHAR(36)     NULL,
    error           VARCHAR(500) NULL,
    created_at      DATETIME(6)  NOT NULL,
    finished_at     DATETIME(6)  NULL,
    UNIQUE KEY opr_job_instruction (instruction_id),
    KEY opr_job_status (status, created_at)
) ENGINE=InnoDB;
