-- Client records with the full history of every change (rules §16.1): a MariaDB
-- system-versioned table keeps each former version, with the time it was valid.
CREATE TABLE client (
    id                  CHAR(36)     NOT NULL PRIMARY KEY,
    kind                VARCHAR(12)  NOT NULL,
    tax_id              CHAR(12)     NOT NULL,
    name                VARCHAR(300) NOT NULL,
    phone               VARCHAR(20)  NULL,
    email               VARCHAR(200) NULL,
    postal_address      VARCHAR(500) NULL,
    document_type       VARCHAR(40)  NULL,
    document_number     VARCHAR(40)  NULL,
    document_issued_on  DATE         NULL,
    bank_name           VARCHAR(200) NULL,
    bank_bic            VARCHAR(11)  NULL,
    bank_account        VARCHAR(34)  NULL,
    economic_profile    TEXT         NULL,
    tax_residency       CHAR(2)      NULL,
    us_person           BOOLEAN      NULL,
    w8ben_signed_on     DATE         NULL,
    changed_by          VARCHAR(200) NOT NULL,
    valid_from          TIMESTAMP(6) GENERATED ALWAYS AS ROW START INVISIBLE,
    valid_to            TIMESTAMP(6) GENERATED ALWAYS AS ROW END INVISIBLE,
    PERIOD FOR SYSTEM_TIME (valid_from, valid_to),
    CONSTRAINT client_kind CHECK (kind IN ('INDIVIDUAL', 'LEGAL_ENTITY')),
    UNIQUE KEY client_tax_id (tax_id),
    INDEX client_name (name),
    INDEX client_phone (phone)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci WITH SYSTEM VERSIONING;

CREATE TABLE client_saved_search (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    operator    VARCHAR(200) NOT NULL,
    name        VARCHAR(100) NOT NULL,
    query       TEXT         NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT client_saved_search_name UNIQUE (operator, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
