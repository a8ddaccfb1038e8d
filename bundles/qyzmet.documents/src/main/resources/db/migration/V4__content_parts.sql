-- Issue #13: a document's bytes are kept in parts of at most 1 MiB, so that neither
-- storing nor reading a large report (a tagged, signed 100,000-operation report is
-- tens of megabytes) needs a packet bigger than the server's max_allowed_packet
-- (16 MiB by default, often less on a managed server). Documents stored before keep
-- their bytes in doc_document.content; new ones leave it NULL.
-- Idempotent statements: MariaDB commits DDL one statement at a time.
ALTER TABLE doc_document MODIFY content LONGBLOB NULL;

CREATE TABLE IF NOT EXISTS doc_content_part (
    document_id CHAR(36)   NOT NULL,
    part        INT        NOT NULL,
    bytes       MEDIUMBLOB NOT NULL,
    PRIMARY KEY (document_id, part),
    CONSTRAINT doc_content_part_document FOREIGN KEY (document_id) REFERENCES doc_document (id)
) ENGINE=InnoDB;

-- as immutable as the document they belong to (§45.2, §45.4)
CREATE TRIGGER IF NOT EXISTS doc_content_part_no_update BEFORE UPDATE ON doc_content_part FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'issued documents are immutable (rules 45.2, 45.4)';
CREATE TRIGGER IF NOT EXISTS doc_content_part_no_delete BEFORE DELETE ON doc_content_part FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'issued documents are never deleted (rules 45.2, 45.4)';

-- parts are only ever added while a document is stored, up to its recorded size: a part more would change a
-- finished document's bytes, and a document stored with its bytes inline gets none
CREATE TRIGGER IF NOT EXISTS doc_content_part_within_size BEFORE INSERT ON doc_content_part FOR EACH ROW
BEGIN
    IF (SELECT COALESCE(SUM(LENGTH(bytes)), 0) FROM doc_content_part WHERE document_id = NEW.document_id)
            + LENGTH(NEW.bytes) > COALESCE((SELECT size FROM doc_document WHERE id = NEW.document_id AND content IS NULL), -1) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'issued documents are immutable (rules 45.2, 45.4)';
    END IF;
END;

GRANT SELECT, INSERT ON doc_content_part TO qyzmet_runtime;
