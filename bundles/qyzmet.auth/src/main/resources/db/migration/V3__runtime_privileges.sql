-- What the runtime account may do with these tables (rules §45 enforced by privileges
-- as well as by triggers): the migrations run as the owner, every runtime
-- connection holds only the role qyzmet_runtime (README: the accounts).
-- Sessions, codes and lock counters live and die with use.
GRANT SELECT, INSERT, UPDATE ON auth_identity TO qyzmet_runtime;
GRANT SELECT, INSERT, UPDATE, DELETE ON auth_session TO qyzmet_runtime;
GRANT SELECT, INSERT, UPDATE, DELETE ON auth_code TO qyzmet_runtime;
GRANT SELECT, INSERT, UPDATE, DELETE ON auth_qr TO qyzmet_runtime;
GRANT SELECT, INSERT, DELETE ON auth_login_attempt TO qyzmet_runtime;
GRANT SELECT, INSERT, UPDATE, DELETE ON auth_address_block TO qyzmet_runtime;
GRANT SELECT, INSERT, UPDATE, DELETE ON auth_unknown_identifier TO qyzmet_runtime;
