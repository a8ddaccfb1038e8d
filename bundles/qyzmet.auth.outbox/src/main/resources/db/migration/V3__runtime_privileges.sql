-- What the runtime account may do with these tables (rules §45 enforced by privileges
-- as well as by triggers): the migrations run as the owner, every runtime
-- connection holds only the role qyzmet_runtime (README: the accounts).
GRANT SELECT, INSERT ON otp_outbox TO qyzmet_runtime;
