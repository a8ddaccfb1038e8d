-- What the runtime account may do with these tables (rules §45 enforced by privileges
-- as well as by triggers): the migrations run as the owner, every runtime
-- connection holds only the role qyzmet_runtime (README: the accounts).
-- Performed operations are never modified or removed (§45.3): entries and
-- postings are insert and read only; corrections are reversals, new entries.
GRANT SELECT, INSERT ON ledger_asset TO qyzmet_runtime;
GRANT SELECT, INSERT ON ledger_account TO qyzmet_runtime;
GRANT SELECT, INSERT ON ledger_entry TO qyzmet_runtime;
GRANT SELECT, INSERT ON ledger_posting TO qyzmet_runtime;
GRANT SELECT, INSERT, UPDATE ON ledger_balance TO qyzmet_runtime;
GRANT SELECT, INSERT, UPDATE ON ledger_approval TO qyzmet_runtime;
