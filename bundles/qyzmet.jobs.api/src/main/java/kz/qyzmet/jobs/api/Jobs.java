package kz.qyzmet.jobs.api;

import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Queues jobs and tells their state. */
@ProviderType
public interface Jobs {

    /**
     * Queues a job; it joins the caller's open transaction, so a job decided in
     * a transaction that rolls back never runs. One job per kind and subject: a
     * second one for the same subject returns the first one's id.
     *
     * @param kind       the kind of work, served by the {@link JobWorker} registered for it
     * @param subject    what the job is about, e.g. the instruction it carries out
     * @param parameters its details as JSON values
     * @return the job's id
     */
    String enqueue(String kind, String subject, Map<String, Object> parameters);

    /** The job of this kind for this subject, if any. */
    Optional<JobState> find(String kind, String subject);
}
