-- What the runtime account may do with these tables (rules §45 enforced by privileges
-- as well as by triggers): the migrations run as the owner, every runtime
-- connection holds only the role qyzmet_runtime (README: the accounts).
-- An issued document is never edited (§45.2, §45.4): insert and read only.
GRANT SELECT, INSERT ON doc_document TO qyzmet_runtime;
GRANT SELECT, INSERT, UPDATE ON doc_number_series TO qyzmet_runtime;
