-- Telegram links (issue 16): a link is opened by the client's confirmed
-- instruction and made when the bot receives its code from a chat. The code is
-- never stored: only its HMAC under the bundle's key (in the data directory),
-- so reading this table does not let anyone bind a chat to someone else's account.
CREATE TABLE IF NOT EXISTS telegram_link (
    id             CHAR(36)     NOT NULL PRIMARY KEY,
    client_id      VARCHAR(64)  NOT NULL,
    instruction_id VARCHAR(64)  NULL,
    code_digest    BINARY(32)   NOT NULL,
    opened_at      DATETIME(6)  NOT NULL,
    expires_at     DATETIME(6)  NOT NULL,
    chat_id        VARCHAR(32)  NULL,
    shown_as       VARCHAR(64)  NULL,
    linked_at      DATETIME(6)  NULL,
    ended_at       DATETIME(6)  NULL,
    UNIQUE KEY telegram_link_code (code_digest),
    INDEX telegram_link_client (client_id, opened_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Wrong codes per chat, for the hourly limit (the chat only as a digest).
CREATE TABLE IF NOT EXISTS telegram_refusal (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    chat_digest BINARY(32)   NOT NULL,
    refused_at  DATETIME(6)  NOT NULL,
    INDEX telegram_refusal_chat (chat_digest, refused_at)
) ENGINE = InnoDB;

-- Updates the bot API delivered, so a webhook delivered twice is handled once.
CREATE TABLE IF NOT EXISTS telegram_update (
    update_id   BIGINT       NOT NULL PRIMARY KEY,
    received_at DATETIME(6)  NOT NULL
) ENGINE = InnoDB;

GRANT SELECT, INSERT, UPDATE ON telegram_link TO qyzmet_runtime;
GRANT SELECT, INSERT ON telegram_refusal TO qyzmet_runtime;
GRANT SELECT, INSERT ON telegram_update TO qyzmet_runtime;
