package kz.qyzmet.service.sourceoffunds.internal;

import java.time.LocalDateTime;

/** One uploaded evidence file's record (its bytes are in parts beside it). */
public class EvidenceRow {
    public String id;
    public String clientId;
    public String fileName;
    public String mediaType;
    public long size;
    public String sha256;
    public String uploadedBy;
    public LocalDateTime uploadedAt;
}
