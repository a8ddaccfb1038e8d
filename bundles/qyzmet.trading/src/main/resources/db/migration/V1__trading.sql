-- Trading (issue #17, rules §7.3, §30). Instruments are versioned: a change is a
-- new row, an order names the version it was checked against. An order's row
-- says where it stands; its requests (new, cancel, replace: one client order id
-- each), the exchange's execution reports and the deals they made are immutable
-- records; the money and securities move by ledger entries (the order's holds
-- and their draws), each deal's in the transaction that records it.
-- MariaDB commits DDL at once: each statement is safe to run again.
CREATE TABLE IF NOT EXISTS trading_instrument (
    isin        CHAR(12)       NOT NULL,
    version     INT            NOT NULL,
    ticker      VARCHAR(20)    NOT NULL,
    market      VARCHAR(40)    NOT NULL,
    name        VARCHAR(200)   NOT NULL,
    currency    CHAR(3)        NOT NULL,
    lot_size    INT            NOT NULL,
    tick_size   DECIMAL(20,8)  NOT NULL,
    opens       TIME           NOT NULL,
    closes      TIME           NOT NULL,
    loaded_at   DATETIME(6)    NOT NULL,
    loaded_by   VARCHAR(200)   NOT NULL,
    PRIMARY KEY (isin, version),
    INDEX trading_instrument_ticker (ticker),
    CONSTRAINT trading_instrument_lot CHECK (lot_size > 0),
    CONSTRAINT trading_instrument_tick CHECK (tick_size > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS trading_order (
    id                 CHAR(36)       NOT NULL PRIMARY KEY,
    client_id          VARCHAR(64)    NOT NULL,
    account_id         VARCHAR(64)    NOT NULL,
    isin               CHAR(12)       NOT NULL,
    instrument_version INT            NOT NULL,
    currency           CHAR(3)        NOT NULL,
    side               VARCHAR(4)     NOT NULL,
    order_type         VARCHAR(10)    NOT NULL,
    time_in_force      VARCHAR(3)     NOT NULL,
    quantity           BIGINT         NOT NULL,
    limit_price        DECIMAL(20,8)  NULL,
    stop_price         DECIMAL(20,8)  NULL,
    hold_price         DECIMAL(20,8)  NOT NULL,
    state              VARCHAR(16)    NOT NULL,
    filled             BIGINT         NOT NULL,
    filled_amount      DECIMAL(36,12) NOT NULL,
    fees               DECIMAL(36,12) NOT NULL,
    hold_asset         VARCHAR(12)    NOT NULL,
    current_request    VARCHAR(40)    NOT NULL,
    pending_request    VARCHAR(40)    NULL,
    exchange_order_id  VARCHAR(64)    NULL,
    gateway            VARCHAR(100)   NULL,
    reference          VARCHAR(80)    NOT NULL,
    reason_text        VARCHAR(500)   NULL,
    placed_at          DATETIME(6)    NOT NULL,
    placed_by          VARCHAR(200)   NOT NULL,
    updated_at         DATETIME(6)    NOT NULL,
    INDEX trading_order_client (client_id, placed_at),
    INDEX trading_order_state (state),
    CONSTRAINT trading_order_instrument FOREIGN KEY (isin, instrument_version) REFERENCES trading_instrument (isin, version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The holds that carry an order: its first, and one more for each replace that needed more.
CREATE TABLE IF NOT EXISTS trading_order_hold (
    hold_reference  VARCHAR(80)    NOT NULL PRIMARY KEY,
    order_id        CHAR(36)       NOT NULL,
    sequence_no     INT            NOT NULL,
    amount          DECIMAL(36,12) NOT NULL,
    UNIQUE KEY trading_order_hold_sequence (order_id, sequence_no),
    CONSTRAINT trading_order_hold_order FOREIGN KEY (order_id) REFERENCES trading_order (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS trading_request (
    client_order_id  VARCHAR(40)    NOT NULL PRIMARY KEY,
    order_id         CHAR(36)       NOT NULL,
    kind             VARCHAR(8)     NOT NULL,
    reference        VARCHAR(80)    NOT NULL,
    quantity         BIGINT         NOT NULL,
    limit_price      DECIMAL(20,8)  NULL,
    stop_price       DECIMAL(20,8)  NULL,
    hold_price       DECIMAL(20,8)  NOT NULL,
    top_up_hold      VARCHAR(80)    NULL,
    state            VARCHAR(10)    NOT NULL,
    created_at       DATETIME(6)    NOT NULL,
    sent_at          DATETIME(6)    NULL,
    answered_at      DATETIME(6)    NULL,
    INDEX trading_request_order (order_id),
    INDEX trading_request_state (state),
    CONSTRAINT trading_request_order FOREIGN KEY (order_id) REFERENCES trading_order (id),
    CONSTRAINT trading_request_kind CHECK (kind IN ('NEW', 'CANCEL', 'REPLACE')),
    CONSTRAINT trading_request_state CHECK (state IN ('PENDING', 'SENT', 'DONE', 'REFUSED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS trading_execution (
    execution_id      VARCHAR(64)    NOT NULL PRIMARY KEY,
    client_order_id   VARCHAR(40)    NOT NULL,
    order_id          CHAR(36)       NULL,
    exec_type         VARCHAR(16)    NOT NULL,
    last_quantity     BIGINT         NOT NULL,
    last_price        DECIMAL(20,8)  NULL,
    cumulative        BIGINT         NOT NULL,
    leaves            BIGINT         NOT NULL,
    text              VARCHAR(500)   NULL,
    transact_time     DATETIME(6)    NOT NULL,
    received_at       DATETIME(6)    NOT NULL,
    INDEX trading_execution_order (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS trading_deal (
    id               CHAR(36)       NOT NULL PRIMARY KEY,
    order_id         CHAR(36)       NOT NULL,
    execution_id     VARCHAR(64)    NOT NULL UNIQUE,
    client_id        VARCHAR(64)    NOT NULL,
    account_id       VARCHAR(64)    NOT NULL,
    isin             CHAR(12)       NOT NULL,
    side             VARCHAR(4)     NOT NULL,
    quantity         BIGINT         NOT NULL,
    price            DECIMAL(20,8)  NOT NULL,
    amount           DECIMAL(36,12) NOT NULL,
    fee              DECIMAL(36,12) NOT NULL,
    currency         CHAR(3)        NOT NULL,
    executed_at      DATETIME(6)    NOT NULL,
    trade_date       DATE           NOT NULL,
    settlement_date  DATE           NOT NULL,
    entry_id         BIGINT         NOT NULL,
    INDEX trading_deal_client (client_id, executed_at),
    INDEX trading_deal_order (order_id),
    CONSTRAINT trading_deal_order FOREIGN KEY (order_id) REFERENCES trading_order (id),
    CONSTRAINT trading_deal_execution FOREIGN KEY (execution_id) REFERENCES trading_execution (execution_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trading_instrument_no_update BEFORE UPDATE ON trading_instrument FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'an instrument version never changes: load a new one (rules 45)';
CREATE TRIGGER IF NOT EXISTS trading_instrument_no_delete BEFORE DELETE ON trading_instrument FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'instrument versions are never deleted (rules 45)';
CREATE TRIGGER IF NOT EXISTS trading_execution_no_update BEFORE UPDATE ON trading_execution FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'an execution report is never changed (rules 45.3)';
CREATE TRIGGER IF NOT EXISTS trading_execution_no_delete BEFORE DELETE ON trading_execution FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'execution reports are never deleted (rules 45.3)';
CREATE TRIGGER IF NOT EXISTS trading_deal_no_update BEFORE UPDATE ON trading_deal FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a deal is never changed (rules 45.3)';
CREATE TRIGGER IF NOT EXISTS trading_deal_no_delete BEFORE DELETE ON trading_deal FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'deals are never deleted (rules 45.3)';
CREATE TRIGGER IF NOT EXISTS trading_order_no_delete BEFORE DELETE ON trading_order FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'orders are never deleted (rules 45)';
CREATE TRIGGER IF NOT EXISTS trading_order_final BEFORE UPDATE ON trading_order FOR EACH ROW
BEGIN
    IF OLD.state IN ('FILLED', 'CANCELLED', 'REJECTED', 'EXPIRED') OR NEW.id <> OLD.id OR NEW.client_id <> OLD.client_id
            OR NEW.account_id <> OLD.account_id OR NEW.isin <> OLD.isin OR NEW.side <> OLD.side
            OR NEW.filled < OLD.filled OR NEW.placed_at <> OLD.placed_at THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a finished order never changes, nor whose and what it is (rules 45)';
    END IF;
END;

GRANT SELECT, INSERT ON trading_instrument TO qyzmet_runtime;
GRANT SELECT, INSERT, UPDATE ON trading_order TO qyzmet_runtime;
GRANT SELECT, INSERT ON trading_order_hold TO qyzmet_runtime;
GRANT SELECT, INSERT, UPDATE ON trading_request TO qyzmet_runtime;
GRANT SELECT, INSERT ON trading_execution TO qyzmet_runtime;
GRANT SELECT, INSERT ON trading_deal TO qyzmet_runtime;
