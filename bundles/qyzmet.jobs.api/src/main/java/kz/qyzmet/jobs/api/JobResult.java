package kz.qyzmet.jobs.api;

/**
 * What a run came to.
 *
 * @param result    for a done job, what it produced (e.g. a document id), else null
 * @param reason    for a failed job, why
 * @param notBefore for a job handed back with {@link #laterAt}, when it may be taken again, else null
 */
public record JobResult(Outcome outcome, String result, String reason, java.time.Instant notBefore) {

    public JobResult(Outcome outcome, String result, String reason) {
        this(outcome, result, reason, null);
    }

    public enum Outcome {
        DONE, LATER, FAILED
    }

    public static JobResult done(String result) {
        return new JobResult(Outcome.DONE, result, null);
    }

    /** Not now: the job goes back to the queue and is taken again shortly. */
    public static JobResult later() {
        return new JobResult(Outcome.LATER, null, null);
    }

    /**
     * Not before {@code notBefore} by the platform's clock: the job goes back to
     * the queue, other jobs are taken meanwhile, and it is taken again once that
     * time has passed (waiting for an outside answer, e.g. a bank's status).
     *
     * @since 1.1
     */
    public static JobResult laterAt(java.time.Instant notBefore) {
        return new JobResult(Outcome.LATER, null, null, java.util.Objects.requireNonNull(notBefore, "notBefore"));
    }

    public static JobResult failed(String reason) {
        return new JobResult(Outcome.FAILED, null, reason);
    }
}
