package kz.qyzmet.jobs.internal;

import java.time.LocalDateTime;

/** A row of {@code jobs_job}. */
public class JobRow {
    public String id;
    public String kind;
    public String subject;
    public String parameters;
    public String status;
    public int percent;
    public long count;
    public String result;
    public String error;
    public String claimedBy;
    public int attempts;
    public LocalDateTime heartbeatAt;
    public LocalDateTime createdAt;
    public LocalDateTime finishedAt;
}
