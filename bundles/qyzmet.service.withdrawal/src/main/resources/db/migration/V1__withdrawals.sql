-- Withdrawals (issue #15): one row per confirmed withdrawal instruction, the
-- payment's way from the hold to the bank and back. The money is on the ledger
-- (the hold, its settlement or release); this row says where the payment stands
-- and what the bank answered. A payment's order (who, how much, where to) never
-- changes; its state moves only forward and stops at a final one.
CREATE TABLE IF NOT EXISTS withdrawal_payment (
    instruction_id  CHAR(36)       NOT NULL PRIMARY KEY,
    payment_id      VARCHAR(35)    NOT NULL,
    instruction_no  VARCHAR(40)    NOT NULL,
    client_id       VARCHAR(64)    NOT NULL,
    account_id      VARCHAR(64)    NOT NULL,
    currency        VARCHAR(3)     NOT NULL,
    amount          DECIMAL(36,12) NOT NULL,
    fee             DECIMAL(36,12) NOT NULL,
    creditor_name   VARCHAR(300)   NOT NULL,
    creditor_iban   VARCHAR(34)    NOT NULL,
    creditor_bic    VARCHAR(11)    NULL,
    purpose         VARCHAR(140)   NOT NULL,
    hold_reference  VARCHAR(80)    NOT NULL,
    state           VARCHAR(12)    NOT NULL,
    reviewed        BOOLEAN        NOT NULL,
    gateway         VARCHAR(100)   NULL,
    submission      VARCHAR(200)   NULL,
    sent_at         DATETIME(6)    NULL,
    bank_reference  VARCHAR(200)   NULL,
    reason_code     VARCHAR(10)    NULL,
    reason_text     VARCHAR(500)   NULL,
    answered_at     DATETIME(6)    NULL,
    created_at      DATETIME(6)    NOT NULL,
    updated_at      DATETIME(6)    NOT NULL,
    CONSTRAINT withdrawal_payment_id UNIQUE (payment_id),
    CONSTRAINT withdrawal_state CHECK (state IN ('REVIEW', 'HELD', 'SENDING', 'SENT', 'SETTLED', 'REJECTED', 'CANCELLED',
        'DECLINED')),
    INDEX withdrawal_state_created (state, created_at),
    INDEX withdrawal_client (client_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS withdrawal_payment_forward BEFORE UPDATE ON withdrawal_payment FOR EACH ROW
BEGIN
    IF NEW.instruction_id <> OLD.instruction_id OR NEW.payment_id <> OLD.payment_id OR NEW.client_id <> OLD.client_id
            OR NEW.account_id <> OLD.account_id OR NEW.currency <> OLD.currency OR NEW.amount <> OLD.amount
            OR NEW.fee <> OLD.fee OR NEW.creditor_iban <> OLD.creditor_iban OR NEW.creditor_name <> OLD.creditor_name
            OR NEW.hold_reference <> OLD.hold_reference OR NEW.created_at <> OLD.created_at THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a payment order never changes (rules 45)';
    END IF;
    IF OLD.state IN ('SETTLED', 'REJECTED', 'CANCELLED', 'DECLINED') THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a finished payment never changes (rules 45)';
    END IF;
END;

CREATE TRIGGER IF NOT EXISTS withdrawal_payment_no_delete BEFORE DELETE ON withdrawal_payment FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'payments are never deleted (rules 45)';

GRANT SELECT, INSERT, UPDATE ON withdrawal_payment TO qyzmet_runtime;
