-- Identities, one-time codes, sessions and lockouts (rules §20–§26, §34–§44).
-- Everything a second node must agree on (sessions, locks, IP blocks) lives here.

-- One row per person who logs in. Any of login, email and phone identifies it (§20).
CREATE TABLE auth_identity (
    id                        CHAR(36)     NOT NULL PRIMARY KEY,
    login                     VARCHAR(64)  NOT NULL,
    email                     VARCHAR(254) NULL,
    phone                     VARCHAR(16)  NULL,
    role                      VARCHAR(16)  NOT NULL,
    client_id                 CHAR(36)     NULL,
    display_name              VARCHAR(300) NULL,
    language                  CHAR(2)      NOT NULL,
    -- Argon2id PHC string; NULL until activation and after a compromise reset (§44)
    password_hash             VARCHAR(255) NULL,
    password_changed_at       DATETIME(6)  NULL,
    password_change_required  BOOLEAN      NOT NULL DEFAULT FALSE,
    -- PENDING (not activated), ACTIVE, SUSPENDED (§27, lifted only at the office, §31)
    status                    VARCHAR(16)  NOT NULL,
    status_changed_at         DATETIME(6)  NOT NULL,
    -- consecutive failed password or code entries, and the §42 lock they caused
    failed_attempts           INT          NOT NULL DEFAULT 0,
    locked_until              DATETIME(6)  NULL,
    created_at                DATETIME(6)  NOT NULL,
    created_by                VARCHAR(200) NOT NULL,
    CONSTRAINT auth_identity_role CHECK (role IN ('CLIENT', 'MANAGER', 'OPERATOR', 'ADMIN')),
    CONSTRAINT auth_identity_status CHECK (status IN ('PENDING', 'ACTIVE', 'SUSPENDED')),
    UNIQUE KEY auth_identity_login (login),
    UNIQUE KEY auth_identity_email (email),
    UNIQUE KEY auth_identity_phone (phone),
    UNIQUE KEY auth_identity_client (client_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Sessions: only the SHA-256 of the token is kept, so a copy of this table opens nothing.
CREATE TABLE auth_session (
    id                  CHAR(36)     NOT NULL PRIMARY KEY,
    token_hash          BINARY(32)   NOT NULL,
    csrf_hash           BINARY(32)   NULL,
    identity_id         CHAR(36)     NOT NULL,
    kind                VARCHAR(8)   NOT NULL,
    stage               VARCHAR(16)  NOT NULL,
    security_method     VARCHAR(32)  NULL,
    security_opened_at  DATETIME(6)  NULL,
    address             VARCHAR(45)  NOT NULL,
    user_agent          VARCHAR(255) NOT NULL,
    created_at          DATETIME(6)  NOT NULL,
    last_seen_at        DATETIME(6)  NOT NULL,
    absolute_expiry     DATETIME(6)  NOT NULL,
    ended_at            DATETIME(6)  NULL,
    end_reason          VARCHAR(32)  NULL,
    UNIQUE KEY auth_session_token (token_hash),
    INDEX auth_session_identity (identity_id, ended_at),
    CONSTRAINT auth_session_identity_fk FOREIGN KEY (identity_id) REFERENCES auth_identity (id)
) ENGINE = InnoDB;

-- One-time codes, stored as HMAC-SHA-256 under a key kept outside the database.
CREATE TABLE auth_code (
    id           CHAR(36)     NOT NULL PRIMARY KEY,
    identity_id  CHAR(36)     NOT NULL,
    purpose      VARCHAR(24)  NOT NULL,
    code_hash    BINARY(32)   NOT NULL,
    session_id   CHAR(36)     NULL,
    subject      VARCHAR(128) NULL,
    digest       CHAR(64)     NULL,
    prepared_by  VARCHAR(200) NULL,
    channel      VARCHAR(8)   NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    expires_at   DATETIME(6)  NOT NULL,
    attempts     INT          NOT NULL DEFAULT 0,
    used_at      DATETIME(6)  NULL,
    INDEX auth_code_identity (identity_id, purpose, created_at),
    CONSTRAINT auth_code_identity_fk FOREIGN KEY (identity_id) REFERENCES auth_identity (id)
) ENGINE = InnoDB;

-- §35.2: a QR code shown by a web session, approved by the app.
CREATE TABLE auth_qr (
    id                  CHAR(36)    NOT NULL PRIMARY KEY,
    secret_hash         BINARY(32)  NOT NULL,
    session_id          CHAR(36)    NOT NULL,
    identity_id         CHAR(36)    NOT NULL,
    created_at          DATETIME(6) NOT NULL,
    expires_at          DATETIME(6) NOT NULL,
    approved_at         DATETIME(6) NULL,
    approved_by_session CHAR(36)    NULL,
    INDEX auth_qr_session (session_id)
) ENGINE = InnoDB;

-- Every login attempt, for §43 (different logins from one address).
CREATE TABLE auth_login_attempt (
    id               BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    address          VARCHAR(45) NOT NULL,
    identifier_hash  BINARY(32)  NOT NULL,
    succeeded        BOOLEAN     NOT NULL,
    attempted_at     DATETIME(6) NOT NULL,
    INDEX auth_login_attempt_address (address, attempted_at)
) ENGINE = InnoDB;

-- §43 blocks of an address; lifting keeps the row for the record.
CREATE TABLE auth_address_block (
    address        VARCHAR(45)  NOT NULL PRIMARY KEY,
    blocked_at     DATETIME(6)  NOT NULL,
    blocked_until  DATETIME(6)  NOT NULL,
    logins_tried   INT          NOT NULL,
    lifted_at      DATETIME(6)  NULL,
    lifted_by      VARCHAR(200) NULL
) ENGINE = InnoDB;
