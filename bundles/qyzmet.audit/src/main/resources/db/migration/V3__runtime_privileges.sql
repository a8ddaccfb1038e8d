-- What the runtime account may do with these tables (rules §45 enforced by privileges
-- as well as by triggers): the migrations run as the owner, every runtime
-- connection holds only the role qyzmet_runtime (README: the accounts).
-- The journal is insert and read only; its head only moves forward (trigger);
-- pending records are removed once chained. On the second store (rules §33) the
-- copy is written by qyzmet_audit_writer, insert and read only as well.
GRANT SELECT, INSERT ON audit_event TO qyzmet_runtime, qyzmet_audit_writer;
GRANT SELECT, UPDATE ON audit_chain_head TO qyzmet_runtime, qyzmet_audit_writer;
GRANT SELECT, INSERT, DELETE ON audit_pending TO qyzmet_runtime;
