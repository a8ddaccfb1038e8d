-- What the runtime account may do with these tables (README: the accounts).
GRANT SELECT, INSERT, UPDATE ON deploy_bundle TO qyzmet_runtime;
