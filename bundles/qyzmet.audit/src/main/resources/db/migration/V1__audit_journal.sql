-- The audit journal (rules §32, §45.1): append-only and hash-chained. The
-- database itself refuses to change or delete a record, whatever the
-- application does; the chain shows anything done around that refusal.
CREATE TABLE audit_event (
    sequence        BIGINT       NOT NULL PRIMARY KEY,
    recorded_at     DATETIME(6)  NOT NULL,
    event_type      VARCHAR(100) NOT NULL,
    subject         VARCHAR(200) NOT NULL,
    actor           VARCHAR(200) NOT NULL,
    actor_role      VARCHAR(50)  NOT NULL,
    address         VARCHAR(64)  NOT NULL,
    user_agent      VARCHAR(500) NOT NULL,
    correlation_id  VARCHAR(64)  NOT NULL,
    details         TEXT         NOT NULL,
    previous_hash   CHAR(64)     NOT NULL,
    record_hash     CHAR(64)     NOT NULL,
    INDEX audit_event_subject (subject, sequence),
    INDEX audit_event_actor (actor, sequence),
    INDEX audit_event_type (event_type, sequence),
    INDEX audit_event_time (recorded_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The chain's head: the last sequence and hash. Appending locks this one row,
-- so records are chained one after the other across every node.
CREATE TABLE audit_chain_head (
    id             TINYINT  NOT NULL PRIMARY KEY,
    last_sequence  BIGINT   NOT NULL,
    last_hash      CHAR(64) NOT NULL,
    CONSTRAINT audit_chain_head_single CHECK (id = 1)
) ENGINE = InnoDB;

INSERT INTO audit_chain_head (id, last_sequence, last_hash) VALUES (1, 0, REPEAT('0', 64));

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only (rules 45.1)';

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only (rules 45.1)';

CREATE TRIGGER audit_chain_head_forward_only BEFORE UPDATE ON audit_chain_head FOR EACH ROW
BEGIN
    IF NEW.last_sequence <> OLD.last_sequence + 1 THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit chain head only moves forward by one (rules 45.1)';
    END IF;
END;

CREATE TRIGGER audit_chain_head_no_delete BEFORE DELETE ON audit_chain_head FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit chain head cannot be removed (rules 45.1)';
