-- Codes are shown to the session that asked for them, never looked up by
-- phone or identity (a public demo must not hand out other people's codes).
-- MariaDB commits DDL at once: each statement is safe to run again.
ALTER TABLE otp_outbox ADD COLUMN IF NOT EXISTS session_id CHAR(36) NULL;
CREATE INDEX IF NOT EXISTS otp_outbox_session ON otp_outbox (session_id, id);
