package kz.qyzmet.instructions.internal;

import java.time.LocalDateTime;

/** A row of {@code instr_instruction}. */
public class InstructionRow {
    public String id;
    public String number;
    public String serviceId;
    public String kind;
    public String clientId;
    public String account;
    public String content;
    public String digest;
    public String createdBy;
    public String preparedBy;
    public LocalDateTime createdAt;
    public String cancels;
    public String status;
    public String challengeId;
    public LocalDateTime confirmedAt;
    public String confirmedSession;
    public LocalDateTime dueBy;
    public String takenBy;
    public LocalDateTime takenAt;
    public String reasonKk;
    public String reasonRu;
    public String reasonEn;
    public String formDocumentId;
    public String resultDocumentIds;
    public LocalDateTime updatedAt;
}
