-- Runtime state of electronic services, shared by every node (rules §29).
-- A service without a row is enabled.
CREATE TABLE registry_service_state (
    service_id  VARCHAR(100) NOT NULL PRIMARY KEY,
    state       VARCHAR(20)  NOT NULL,
    reason_kk   VARCHAR(500) NULL,
    reason_ru   VARCHAR(500) NULL,
    reason_en   VARCHAR(500) NULL,
    changed_at  DATETIME(6)  NOT NULL,
    changed_by  VARCHAR(200) NOT NULL,
    CONSTRAINT registry_state_known CHECK (state IN ('ENABLED', 'DISABLED', 'MAINTENANCE')),
    CONSTRAINT registry_reason_given CHECK (state = 'ENABLED'
        OR (reason_kk IS NOT NULL AND reason_ru IS NOT NULL AND reason_en IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
