-- The audit journal (rules §32, §45.1): append-only. The database itself refuses
-- to change or delete a record, whatever the application does.
CREATE TABLE audit_event (
    sequence        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    recorded_at     DATETIME(6)  NOT NULL,
    event_type      VARCHAR(100) NOT NULL,
    subject         VARCHAR(200) NOT NULL,
    actor           VARCHAR(200) NOT NULL,
    actor_role      VARCHAR(50)  NOT NULL,
    address         VARCHAR(64)  NOT NULL,
    user_agent      VARCHAR(500) NOT NULL,
    correlation_id  VARCHAR(64)  NOT NULL,
    details         TEXT         NOT NULL,
    INDEX audit_event_subject (subject, sequence),
    INDEX audit_event_type (event_type, recorded_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only (rules 45.1)';

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only (rules 45.1)';
