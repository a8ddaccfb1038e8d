package kz.qyzmet.service.operationsreport.internal;

import java.time.LocalDateTime;

/** A row of {@code opr_job}. */
public class JobRow {
    public String id;
    public String instructionId;
    public String clientId;
    public String account;
    public LocalDateTime periodFrom;
    public LocalDateTime periodTo;
    public String format;
    public String language;
    public String status;
    public long operations;
    public int progress;
    public String claimedBy;
    public int attempts;
    public LocalDateTime heartbeatAt;
    public String documentId;
    public String error;
    public LocalDateTime createdAt;
    public LocalDateTime finishedAt;
}
