package kz.qyzmet.jobs.api;

/**
 * What a run came to.
 *
 * @param result for a done job, what it produced (e.g. a document id), else null
 * @param reason for a failed job, why
 */
public record JobResult(Outcome outcome, String result, String reason) {

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

    public static JobResult failed(String reason) {
        return new JobResult(Outcome.FAILED, null, reason);
    }
}
