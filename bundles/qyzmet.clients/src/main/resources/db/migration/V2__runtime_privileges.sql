-- What the runtime account may do with these tables (rules §45 enforced by privileges
-- as well as by triggers): the migrations run as the owner, every runtime
-- connection holds only the role qyzmet_runtime (README: the accounts).
-- A client record changes, its former versions stay (§16.1): no DELETE, and no
-- DELETE HISTORY on the system-versioned table.
GRANT SELECT, INSERT, UPDATE ON client TO qyzmet_runtime;
GRANT SELECT, INSERT, UPDATE, DELETE ON client_saved_search TO qyzmet_runtime;
