package kz.qyzmet.jobs.api;

import java.time.Instant;

/** Where a job stands, as any node sees it. */
public record JobState(String id, String kind, String subject, Status status, int percent, long count, String result,
        String error, int attempts, Instant createdAt, Instant heartbeatAt, Instant finishedAt) {

    public enum Status {
        QUEUED, RUNNING, DONE, FAILED
    }
}
