-- Messages carrying one-time codes, as handed to the default channel. A real
-- gateway bundle (SMS, push, e-mail) takes over its channel by service ranking;
-- what remains here is what no gateway was installed for.
CREATE TABLE otp_outbox (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    channel     VARCHAR(8)    NOT NULL,
    recipient   VARCHAR(254)  NOT NULL,
    purpose     VARCHAR(24)   NOT NULL,
    text        VARCHAR(1000) NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    INDEX otp_outbox_recipient (recipient, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
