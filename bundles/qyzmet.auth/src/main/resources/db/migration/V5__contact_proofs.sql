-- Issue #16: a new phone or e-mail is proven with a code sent to it (purpose CONTACT,
-- subject the SHA-256 of "channel:recipient", never the recipient itself). A code
-- voided because it was not delivered is "used" too: only proven_at says it was typed.
-- Idempotent: MariaDB's DDL is not transactional.
ALTER TABLE auth_code ADD COLUMN IF NOT EXISTS proven_at DATETIME(6) NULL;
CREATE INDEX IF NOT EXISTS auth_code_proven ON auth_code (identity_id, subject, proven_at);
