package kz.qyzmet.jobs.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Runs the jobs of one kind, registered as a service with {@value #KIND_PROPERTY}.
 * A node only takes jobs of kinds it has a worker for.
 */
@ConsumerType
public interface JobWorker {
    /** Service property: the kind of job this worker runs. */
    String KIND_PROPERTY = "qyzmet.jobs.kind";

    /**
     * Does the work, outside any transaction; reports progress through the
     * context. Returns {@link JobResult#done}, {@link JobResult#later} (hand it
     * back, e.g. what it depends on is not committed yet) or
     * {@link JobResult#failed}; an exception fails the job too.
     */
    JobResult run(Job job, JobContext context) throws Exception;

    /** In the transaction that records the job as done: record the outcome here, and it commits with the job's state. */
    default void completed(Job job, JobResult result) {
    }

    /** In the transaction that records the job as failed: tell whoever waits for it. */
    default void failed(Job job, String reason) {
    }
}
