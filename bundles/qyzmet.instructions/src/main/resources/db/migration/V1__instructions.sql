-- Client instructions (rules §2, §8, §9, §25, §45). The content and its digest never change;
-- the status only moves forward, and a final instruction is frozen (its form may be printed once, later).
CREATE TABLE instr_instruction (
    id                  CHAR(36)     NOT NULL PRIMARY KEY,
    number              VARCHAR(40)  NOT NULL,
    service_id          VARCHAR(60)  NOT NULL,
    kind                VARCHAR(60)  NOT NULL,
    client_id           VARCHAR(64)  NOT NULL,
    account             VARCHAR(64)  NULL,
    content             LONGTEXT     NOT NULL,
    digest              CHAR(64)     NOT NULL,
    created_by          VARCHAR(100) NOT NULL,
    prepared_by         VARCHAR(100) NULL,
    created_at          DATETIME(6)  NOT NULL,
    cancels             CHAR(36)     NULL,
    status              VARCHAR(30)  NOT NULL,
    challenge_id        VARCHAR(64)  NULL,
    confirmed_at        DATETIME(6)  NULL,
    confirmed_session   VARCHAR(64)  NULL,
    due_by              DATETIME(6)  NULL,
    taken_by            VARCHAR(100) NULL,
    taken_at            DATETIME(6)  NULL,
    reason_kk           TEXT         NULL,
    reason_ru           TEXT         NULL,
    reason_en           TEXT         NULL,
    form_document_id    CHAR(36)     NULL,
    result_document_ids TEXT         NULL,
    updated_at          DATETIME(6)  NOT NULL,
    UNIQUE KEY instr_instruction_number (number),
    KEY instr_instruction_client (client_id, created_at),
    KEY instr_instruction_queue (status, due_by)
) ENGINE=InnoDB;

CREATE TRIGGER instr_instruction_fixed BEFORE UPDATE ON instr_instruction FOR EACH ROW
BEGIN
    IF NEW.id <> OLD.id OR NEW.number <> OLD.number OR NEW.service_id <> OLD.service_id OR NEW.kind <> OLD.kind
        OR NEW.client_id <> OLD.client_id OR NOT (NEW.account <=> OLD.account) OR NEW.content <> OLD.content
        OR NEW.digest <> OLD.digest OR NEW.created_by <> OLD.created_by OR NOT (NEW.prepared_by <=> OLD.prepared_by)
        OR NEW.created_at <> OLD.created_at OR NOT (NEW.cancels <=> OLD.cancels) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the content of an instruction never changes (rules 45)';
    END IF;
    IF OLD.confirmed_at IS NOT NULL AND NOT (NEW.confirmed_at <=> OLD.confirmed_at) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a confirmation is never replaced (rules 25.2, 45)';
    END IF;
    IF OLD.form_document_id IS NOT NULL AND NOT (NEW.form_document_id <=> OLD.form_document_id) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the form of an instruction is issued once (rules 45.4)';
    END IF;
    -- a finished instruction is frozen; only its form may still be printed for the first time
    IF OLD.status IN ('REFUSED', 'EXECUTED', 'REJECTED', 'CANCELLED') AND (NEW.status <> OLD.status
        OR NOT (NEW.challenge_id <=> OLD.challenge_id) OR NOT (NEW.confirmed_session <=> OLD.confirmed_session)
        OR NOT (NEW.due_by <=> OLD.due_by) OR NOT (NEW.taken_by <=> OLD.taken_by) OR NOT (NEW.taken_at <=> OLD.taken_at)
        OR NOT (NEW.reason_kk <=> OLD.reason_kk) OR NOT (NEW.reason_ru <=> OLD.reason_ru)
        OR NOT (NEW.reason_en <=> OLD.reason_en) OR NOT (NEW.result_document_ids <=> OLD.result_document_ids)) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a finished instruction never changes (rules 45)';
    END IF;
END;

CREATE TRIGGER instr_instruction_no_delete BEFORE DELETE ON instr_instruction FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'instructions are never deleted (rules 45)';

-- Every move of every instruction, append-only.
CREATE TABLE instr_event (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    instruction_id CHAR(36)     NOT NULL,
    status_from    VARCHAR(30)  NULL,
    status_to      VARCHAR(30)  NOT NULL,
    actor          VARCHAR(100) NOT NULL,
    at             DATETIME(6)  NOT NULL,
    note           TEXT         NULL,
    KEY instr_event_instruction (instruction_id, id)
) ENGINE=InnoDB;

CREATE TRIGGER instr_event_no_update BEFORE UPDATE ON instr_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'instruction history is append-only (rules 45)';
CREATE TRIGGER instr_event_no_delete BEFORE DELETE ON instr_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'instruction history is append-only (rules 45)';

CREATE TABLE instr_number_series (
    year INT    NOT NULL PRIMARY KEY,
    last BIGINT NOT NULL
) ENGINE=InnoDB;
