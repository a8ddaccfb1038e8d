-- Issue #16: a client's voice password, an Argon2id hash like a password. A phrase is
-- staged first (hashed at once) and put in force by the instruction the client
-- confirms, which names only the staged id; staff checks are counted for the
-- rate limit. Idempotent: MariaDB's DDL is not transactional.
CREATE TABLE IF NOT EXISTS auth_voice_stage (
    id          VARCHAR(48)  NOT NULL PRIMARY KEY,
    identity_id CHAR(36)     NOT NULL,
    hash        VARCHAR(200) NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    used_at     DATETIME(6)  NULL,
    CONSTRAINT auth_voice_stage_identity FOREIGN KEY (identity_id) REFERENCES auth_identity (id)
) ENGINE = InnoDB;

CREATE TABLE IF NOT EXISTS auth_voice_password (
    identity_id CHAR(36)     NOT NULL PRIMARY KEY,
    hash        VARCHAR(200) NOT NULL,
    set_at      DATETIME(6)  NOT NULL,
    CONSTRAINT auth_voice_password_identity FOREIGN KEY (identity_id) REFERENCES auth_identity (id)
) ENGINE = InnoDB;

CREATE TABLE IF NOT EXISTS auth_voice_check (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    identity_id CHAR(36)    NOT NULL,
    checked_at  DATETIME(6) NOT NULL,
    matched     BOOLEAN     NOT NULL,
    INDEX auth_voice_check_identity (identity_id, checked_at)
) ENGINE = InnoDB;

GRANT SELECT, INSERT, UPDATE ON auth_voice_stage TO qyzmet_runtime;
GRANT SELECT, INSERT, UPDATE ON auth_voice_password TO qyzmet_runtime;
GRANT SELECT, INSERT ON auth_voice_check TO qyzmet_runtime;
