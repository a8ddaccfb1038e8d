-- What the runtime account may do with these tables (README: the accounts).
GRANT SELECT, INSERT, UPDATE ON provisioning_feature TO qyzmet_runtime;
