-- Source of funds (issue #15, rules §16, §45): a client's evidence files, their
-- statements of where money came from, and staff's decision on each. Every row
-- is written once and never changed or removed: the history of a client's
-- confirmations is these rows (§16), and the evidence is kept as uploaded, with
-- its SHA-256, like an output document (§45.2, §45.4).

CREATE TABLE IF NOT EXISTS sof_evidence (
    id          CHAR(36)     NOT NULL PRIMARY KEY,
    client_id   VARCHAR(64)  NOT NULL,
    file_name   VARCHAR(200) NOT NULL,
    media_type  VARCHAR(40)  NOT NULL,
    size        BIGINT       NOT NULL,
    sha256      CHAR(64)     NOT NULL,
    uploaded_by VARCHAR(200) NOT NULL,
    uploaded_at DATETIME(6)  NOT NULL,
    CONSTRAINT sof_evidence_type CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    CONSTRAINT sof_evidence_size CHECK (size > 0),
    INDEX sof_evidence_client (client_id, uploaded_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the bytes in parts of at most 1 MiB: no statement needs a packet near the server's max_allowed_packet
CREATE TABLE IF NOT EXISTS sof_evidence_part (
    evidence_id CHAR(36)   NOT NULL,
    part        INT        NOT NULL,
    bytes       MEDIUMBLOB NOT NULL,
    PRIMARY KEY (evidence_id, part),
    CONSTRAINT sof_evidence_part_evidence FOREIGN KEY (evidence_id) REFERENCES sof_evidence (id)
) ENGINE = InnoDB;

CREATE TABLE IF NOT EXISTS sof_statement (
    instruction_id CHAR(36)       NOT NULL PRIMARY KEY,
    instruction_no VARCHAR(40)    NOT NULL,
    client_id      VARCHAR(64)    NOT NULL,
    kind           VARCHAR(40)    NOT NULL,
    amount         DECIMAL(36,12) NOT NULL,
    currency       CHAR(3)        NOT NULL,
    description    VARCHAR(1000)  NOT NULL,
    submitted_at   DATETIME(6)    NOT NULL,
    INDEX sof_statement_client (client_id, submitted_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- a file proves one statement: it cannot be attached to a second one
CREATE TABLE IF NOT EXISTS sof_statement_evidence (
    instruction_id CHAR(36) NOT NULL,
    evidence_id    CHAR(36) NOT NULL,
    PRIMARY KEY (instruction_id, evidence_id),
    CONSTRAINT sof_statement_evidence_once UNIQUE (evidence_id),
    CONSTRAINT sof_statement_evidence_statement FOREIGN KEY (instruction_id) REFERENCES sof_statement (instruction_id),
    CONSTRAINT sof_statement_evidence_file FOREIGN KEY (evidence_id) REFERENCES sof_evidence (id)
) ENGINE = InnoDB;

-- staff's decision (or the client's withdrawal of the statement): one per statement, final
CREATE TABLE IF NOT EXISTS sof_decision (
    instruction_id CHAR(36)      NOT NULL PRIMARY KEY,
    outcome        VARCHAR(10)   NOT NULL,
    reason_kk      VARCHAR(1000) NULL,
    reason_ru      VARCHAR(1000) NULL,
    reason_en      VARCHAR(1000) NULL,
    decided_by     VARCHAR(200)  NOT NULL,
    decided_at     DATETIME(6)   NOT NULL,
    valid_until    DATETIME(6)   NULL,
    CONSTRAINT sof_decision_outcome CHECK (outcome IN ('APPROVED', 'REJECTED', 'CANCELLED')),
    CONSTRAINT sof_decision_validity CHECK ((outcome = 'APPROVED') = (valid_until IS NOT NULL)),
    CONSTRAINT sof_decision_statement FOREIGN KEY (instruction_id) REFERENCES sof_statement (instruction_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS sof_evidence_no_update BEFORE UPDATE ON sof_evidence FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'evidence is kept as uploaded (rules 45.2, 45.4)';
CREATE TRIGGER IF NOT EXISTS sof_evidence_no_delete BEFORE DELETE ON sof_evidence FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'evidence is never deleted (rules 45.2, 45.4)';
CREATE TRIGGER IF NOT EXISTS sof_evidence_part_no_update BEFORE UPDATE ON sof_evidence_part FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'evidence is kept as uploaded (rules 45.2, 45.4)';
CREATE TRIGGER IF NOT EXISTS sof_evidence_part_no_delete BEFORE DELETE ON sof_evidence_part FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'evidence is never deleted (rules 45.2, 45.4)';
-- parts only up to the recorded size: a part more would change a stored file's bytes
CREATE TRIGGER IF NOT EXISTS sof_evidence_part_within_size BEFORE INSERT ON sof_evidence_part FOR EACH ROW
BEGIN
    IF (SELECT COALESCE(SUM(LENGTH(bytes)), 0) FROM sof_evidence_part WHERE evidence_id = NEW.evidence_id)
            + LENGTH(NEW.bytes) > COALESCE((SELECT size FROM sof_evidence WHERE id = NEW.evidence_id), -1) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'evidence is kept as uploaded (rules 45.2, 45.4)';
    END IF;
END;
CREATE TRIGGER IF NOT EXISTS sof_statement_no_update BEFORE UPDATE ON sof_statement FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a statement of the source of funds never changes (rules 16, 45)';
CREATE TRIGGER IF NOT EXISTS sof_statement_no_delete BEFORE DELETE ON sof_statement FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a statement of the source of funds is never deleted (rules 16, 45)';
CREATE TRIGGER IF NOT EXISTS sof_statement_evidence_no_update BEFORE UPDATE ON sof_statement_evidence FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a statement of the source of funds never changes (rules 16, 45)';
CREATE TRIGGER IF NOT EXISTS sof_statement_evidence_no_delete BEFORE DELETE ON sof_statement_evidence FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a statement of the source of funds is never deleted (rules 16, 45)';
CREATE TRIGGER IF NOT EXISTS sof_decision_no_update BEFORE UPDATE ON sof_decision FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a decision on the source of funds never changes (rules 16, 45)';
CREATE TRIGGER IF NOT EXISTS sof_decision_no_delete BEFORE DELETE ON sof_decision FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a decision on the source of funds is never deleted (rules 16, 45)';

GRANT SELECT, INSERT ON sof_evidence TO qyzmet_runtime;
GRANT SELECT, INSERT ON sof_evidence_part TO qyzmet_runtime;
GRANT SELECT, INSERT ON sof_statement TO qyzmet_runtime;
GRANT SELECT, INSERT ON sof_statement_evidence TO qyzmet_runtime;
GRANT SELECT, INSERT ON sof_decision TO qyzmet_runtime;
