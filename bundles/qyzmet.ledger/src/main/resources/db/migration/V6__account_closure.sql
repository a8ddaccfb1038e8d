-- Issue #16: a client's personal account can be closed once nothing is on it; a
-- closed account takes no posting (checked under a lock with every posting) and is
-- never reopened. Idempotent: MariaDB's DDL is not transactional.
ALTER TABLE ledger_account ADD COLUMN IF NOT EXISTS closed_at DATETIME(6) NULL;

CREATE TRIGGER IF NOT EXISTS ledger_account_closed_for_good BEFORE UPDATE ON ledger_account FOR EACH ROW
BEGIN
    IF OLD.closed_at IS NOT NULL AND NOT (NEW.closed_at <=> OLD.closed_at) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a closed account is never reopened (rules 45)';
    END IF;
END;

GRANT UPDATE (closed_at) ON ledger_account TO qyzmet_runtime;
