-- What the runtime account may do with these tables (README: the accounts).
GRANT SELECT, INSERT, UPDATE ON jobs_job TO qyzmet_runtime;
