-- Issue #13: the public lookup a document's QR code opens goes by an unguessable token, not by
-- the number (which stays human-readable for the client), and shows the document's key figures.
-- Idempotent statements: MariaDB commits DDL one statement at a time.
ALTER TABLE doc_document ADD COLUMN IF NOT EXISTS verification_token CHAR(43) NULL;
ALTER TABLE doc_document ADD COLUMN IF NOT EXISTS key_figures TEXT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS doc_document_verification ON doc_document (verification_token);

-- Anonymous verification uploads are counted, not journalled one by one.
CREATE TABLE IF NOT EXISTS doc_verification_count (
    day     DATE        NOT NULL,
    outcome VARCHAR(20) NOT NULL,
    count   BIGINT      NOT NULL,
    PRIMARY KEY (day, outcome)
) ENGINE=InnoDB;
GRANT SELECT, INSERT, UPDATE ON doc_verification_count TO qyzmet_runtime;
