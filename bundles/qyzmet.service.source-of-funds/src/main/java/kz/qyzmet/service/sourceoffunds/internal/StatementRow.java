package kz.qyzmet.service.sourceoffunds.internal;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A client's confirmed statement of a source of funds, with staff's decision when there is one. */
public class StatementRow {
    public String instructionId;
    public String instructionNo;
    public String clientId;
    public String kind;
    public BigDecimal amount;
    public String currency;
    public String description;
    public LocalDateTime submittedAt;
    /** From the decision; null while it waits for staff. */
    public String outcome;
    public String reasonKk;
    public String reasonRu;
    public String reasonEn;
    public String decidedBy;
    public LocalDateTime decidedAt;
    public LocalDateTime validUntil;
}
