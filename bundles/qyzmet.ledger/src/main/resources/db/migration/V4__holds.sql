-- Holds (issue #15): part of a client's available asset set aside for one
-- instruction (a withdrawal) until it is settled into postings or released.
-- The money itself moves by immutable entries (AVAILABLE -> HELD, then HELD ->
-- the counterparts, or HELD -> AVAILABLE); this row is the hold's lifecycle,
-- which only moves forward, once: PLACED -> SETTLED or PLACED -> RELEASED, so a
-- hold is never settled twice nor settled after its release.
-- MariaDB commits DDL at once: each statement is safe to run again.
CREATE TABLE IF NOT EXISTS ledger_hold (
    reference      VARCHAR(80)    NOT NULL PRIMARY KEY,
    account_id     VARCHAR(64)    NOT NULL,
    asset          VARCHAR(12)    NOT NULL,
    amount         DECIMAL(36,12) NOT NULL,
    description    VARCHAR(500)   NOT NULL,
    state          VARCHAR(10)    NOT NULL,
    placed_entry   BIGINT         NOT NULL,
    placed_at      DATETIME(6)    NOT NULL,
    placed_by      VARCHAR(200)   NOT NULL,
    closing_entry  BIGINT         NULL,
    closed_at      DATETIME(6)    NULL,
    closed_by      VARCHAR(200)   NULL,
    CONSTRAINT ledger_hold_account FOREIGN KEY (account_id) REFERENCES ledger_account (id),
    CONSTRAINT ledger_hold_asset FOREIGN KEY (asset) REFERENCES ledger_asset (code),
    CONSTRAINT ledger_hold_placed FOREIGN KEY (placed_entry) REFERENCES ledger_entry (id),
    CONSTRAINT ledger_hold_closing FOREIGN KEY (closing_entry) REFERENCES ledger_entry (id),
    CONSTRAINT ledger_hold_state CHECK (state IN ('PLACED', 'SETTLED', 'RELEASED')),
    CONSTRAINT ledger_hold_positive CHECK (amount > 0),
    INDEX ledger_hold_account_state (account_id, state)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS ledger_hold_forward_only BEFORE UPDATE ON ledger_hold FOR EACH ROW
BEGIN
    IF OLD.state <> 'PLACED' OR NEW.state NOT IN ('SETTLED', 'RELEASED') OR NEW.closing_entry IS NULL
            OR NEW.reference <> OLD.reference OR NEW.account_id <> OLD.account_id OR NEW.asset <> OLD.asset
            OR NEW.amount <> OLD.amount OR NEW.placed_entry <> OLD.placed_entry OR NEW.placed_at <> OLD.placed_at THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a hold moves once, from PLACED to SETTLED or RELEASED (rules 45.3)';
    END IF;
END;

CREATE TRIGGER IF NOT EXISTS ledger_hold_no_delete BEFORE DELETE ON ledger_hold FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'holds are never deleted (rules 45.3)';

GRANT SELECT, INSERT, UPDATE ON ledger_hold TO qyzmet_runtime;
