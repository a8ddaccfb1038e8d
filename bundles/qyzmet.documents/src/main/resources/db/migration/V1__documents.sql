-- Output documents (rules §7.1, §45): issued once, never changed or removed.
CREATE TABLE doc_document (
    id              CHAR(36)     NOT NULL PRIMARY KEY,
    number          VARCHAR(40)  NOT NULL,
    kind            VARCHAR(60)  NOT NULL,
    owner_client_id VARCHAR(64)  NULL,
    title           VARCHAR(300) NOT NULL,
    language        CHAR(2)      NOT NULL,
    media_type      VARCHAR(100) NOT NULL,
    file_name       VARCHAR(200) NOT NULL,
    size            BIGINT       NOT NULL,
    sha256          CHAR(64)     NOT NULL,
    instruction_id  CHAR(36)     NULL,
    issued_at       DATETIME(6)  NOT NULL,
    issued_by       VARCHAR(100) NOT NULL,
    content         LONGBLOB     NOT NULL,
    UNIQUE KEY doc_document_number (number),
    KEY doc_document_sha256 (sha256),
    KEY doc_document_owner (owner_client_id, issued_at),
    KEY doc_document_instruction (instruction_id)
) ENGINE=InnoDB;

CREATE TRIGGER doc_document_no_update BEFORE UPDATE ON doc_document FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'issued documents are immutable (rules 45.2, 45.4)';
CREATE TRIGGER doc_document_no_delete BEFORE DELETE ON doc_document FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'issued documents are never deleted (rules 45.2, 45.4)';

-- One number series per document kind and year: EXT-2026-000001, ...
CREATE TABLE doc_number_series (
    series VARCHAR(20) NOT NULL,
    year   INT         NOT NULL,
    last   BIGINT      NOT NULL,
    PRIMARY KEY (series, year)
) ENGINE=InnoDB;
