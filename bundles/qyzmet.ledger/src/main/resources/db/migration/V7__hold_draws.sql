-- Draws on holds (issue #17): an order's hold is taken part by part as the
-- exchange fills it, each fill by one immutable entry. A draw is recorded once
-- (its key is the fill's), never changed; the hold's rest is what settling or
-- releasing it moves at the end.
CREATE TABLE IF NOT EXISTS ledger_hold_draw (
    draw_key   VARCHAR(120)   NOT NULL PRIMARY KEY,
    reference  VARCHAR(80)    NOT NULL,
    amount     DECIMAL(36,12) NOT NULL,
    entry_id   BIGINT         NOT NULL,
    drawn_at   DATETIME(6)    NOT NULL,
    drawn_by   VARCHAR(200)   NOT NULL,
    CONSTRAINT ledger_hold_draw_hold FOREIGN KEY (reference) REFERENCES ledger_hold (reference),
    CONSTRAINT ledger_hold_draw_entry FOREIGN KEY (entry_id) REFERENCES ledger_entry (id),
    CONSTRAINT ledger_hold_draw_positive CHECK (amount > 0),
    INDEX ledger_hold_draw_reference (reference)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS ledger_hold_draw_no_update BEFORE UPDATE ON ledger_hold_draw FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a draw on a hold never changes (rules 45.3)';

CREATE TRIGGER IF NOT EXISTS ledger_hold_draw_no_delete BEFORE DELETE ON ledger_hold_draw FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'draws on holds are never deleted (rules 45.3)';

GRANT SELECT, INSERT ON ledger_hold_draw TO qyzmet_runtime;
