-- IPO subscriptions (issue #17, rules §7.3). An offering's terms never change
-- once opened; it moves OPEN -> ALLOCATED (or CANCELLED) once. A subscription
-- holds its money on the ledger (hold ipo:<instruction id>) until the
-- allocation takes what was allotted and releases the rest.
CREATE TABLE IF NOT EXISTS ipo_offering (
    id            CHAR(36)       NOT NULL PRIMARY KEY,
    isin          CHAR(12)       NOT NULL,
    issuer        VARCHAR(200)   NOT NULL,
    offer_price   DECIMAL(20,8)  NOT NULL,
    currency      CHAR(3)        NOT NULL,
    lot_size      INT            NOT NULL,
    min_lots      BIGINT         NOT NULL,
    max_lots      BIGINT         NOT NULL,
    offered_lots  BIGINT         NOT NULL,
    opens_at      DATETIME(6)    NOT NULL,
    closes_at     DATETIME(6)    NOT NULL,
    rule          VARCHAR(16)    NOT NULL,
    state         VARCHAR(10)    NOT NULL,
    created_at    DATETIME(6)    NOT NULL,
    created_by    VARCHAR(200)   NOT NULL,
    allocated_at  DATETIME(6)    NULL,
    allocated_by  VARCHAR(200)   NULL,
    CONSTRAINT ipo_offering_sizes CHECK (lot_size > 0 AND min_lots > 0 AND max_lots >= min_lots AND offered_lots > 0
        AND offer_price > 0),
    CONSTRAINT ipo_offering_window CHECK (closes_at > opens_at),
    CONSTRAINT ipo_offering_state CHECK (state IN ('OPEN', 'ALLOCATED', 'CANCELLED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS ipo_subscription (
    instruction_id   CHAR(36)       NOT NULL PRIMARY KEY,
    offering_id      CHAR(36)       NOT NULL,
    client_id        VARCHAR(64)    NOT NULL,
    account_id       VARCHAR(64)    NOT NULL,
    lots             BIGINT         NOT NULL,
    amount           DECIMAL(36,12) NOT NULL,
    hold_reference   VARCHAR(80)    NOT NULL,
    state            VARCHAR(10)    NOT NULL,
    allocated_lots   BIGINT         NULL,
    allocated_amount DECIMAL(36,12) NULL,
    entry_id         BIGINT         NULL,
    document_id      VARCHAR(64)    NULL,
    created_at       DATETIME(6)    NOT NULL,
    updated_at       DATETIME(6)    NOT NULL,
    INDEX ipo_subscription_offering (offering_id, created_at),
    CONSTRAINT ipo_subscription_offering FOREIGN KEY (offering_id) REFERENCES ipo_offering (id),
    CONSTRAINT ipo_subscription_state CHECK (state IN ('SUBSCRIBED', 'CANCELLED', 'ALLOCATED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS ipo_offering_terms BEFORE UPDATE ON ipo_offering FOR EACH ROW
BEGIN
    IF OLD.state <> 'OPEN' OR NEW.isin <> OLD.isin OR NEW.offer_price <> OLD.offer_price OR NEW.lot_size <> OLD.lot_size
            OR NEW.min_lots <> OLD.min_lots OR NEW.max_lots <> OLD.max_lots OR NEW.offered_lots <> OLD.offered_lots
            OR NEW.opens_at <> OLD.opens_at OR NEW.closes_at <> OLD.closes_at OR NEW.rule <> OLD.rule THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'an offering''s terms never change and it is allocated once (rules 45)';
    END IF;
END;

CREATE TRIGGER IF NOT EXISTS ipo_subscription_once BEFORE UPDATE ON ipo_subscription FOR EACH ROW
BEGIN
    IF OLD.state <> 'SUBSCRIBED' OR NEW.lots <> OLD.lots OR NEW.amount <> OLD.amount OR NEW.client_id <> OLD.client_id
            OR NEW.offering_id <> OLD.offering_id THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a subscription ends once, as it was made (rules 45)';
    END IF;
END;

CREATE TRIGGER IF NOT EXISTS ipo_offering_no_delete BEFORE DELETE ON ipo_offering FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'offerings are never deleted (rules 45)';
CREATE TRIGGER IF NOT EXISTS ipo_subscription_no_delete BEFORE DELETE ON ipo_subscription FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'subscriptions are never deleted (rules 45)';

GRANT SELECT, INSERT, UPDATE ON ipo_offering TO qyzmet_runtime;
GRANT SELECT, INSERT, UPDATE ON ipo_subscription TO qyzmet_runtime;
