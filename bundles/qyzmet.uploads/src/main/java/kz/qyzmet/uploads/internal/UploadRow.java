package kz.qyzmet.uploads.internal;

import java.time.LocalDateTime;

/** One row of {@code upload}; times in UTC. */
public class UploadRow {
    public String id;
    public String clientId;
    public String purpose;
    public String mediaType;
    public String fileName;
    public long size;
    public String sha256;
    public LocalDateTime keptAt;
    public LocalDateTime keepUntil;
    public LocalDateTime purgedAt;
}
