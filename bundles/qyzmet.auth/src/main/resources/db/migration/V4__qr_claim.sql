-- §35.2 with token rotation: the app's approval marks the code approved; the web
-- session that showed it takes the security stage (and a new token) on its next
-- poll, once. Idempotent: MariaDB's DDL is not transactional.
ALTER TABLE auth_qr ADD COLUMN IF NOT EXISTS claimed_at DATETIME(6) NULL;
