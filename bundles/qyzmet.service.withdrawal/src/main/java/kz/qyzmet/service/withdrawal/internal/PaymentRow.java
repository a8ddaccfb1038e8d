package kz.qyzmet.service.withdrawal.internal;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A row of {@code withdrawal_payment}; times are UTC. */
public class PaymentRow {
    public String instructionId;
    public String paymentId;
    public String instructionNo;
    public String clientId;
    public String accountId;
    public String currency;
    public BigDecimal amount;
    public BigDecimal fee;
    public String creditorName;
    public String creditorIban;
    public String creditorBic;
    public String purpose;
    public String holdReference;
    public String state;
    public boolean reviewed;
    public String gateway;
    public String submission;
    public LocalDateTime sentAt;
    public String bankReference;
    public String reasonCode;
    public String reasonText;
    public LocalDateTime answeredAt;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;

    PaymentStage state() {
        return PaymentStage.valueOf(state);
    }
}
