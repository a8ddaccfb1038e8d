package kz.qyzmet.jobs.api;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

import kz.qyzmet.common.api.Caller;

/** What a running job reports through, and who it acts as. */
@ProviderType
public interface JobContext {

    /**
     * Progress: a percentage (0–99 while running; 100 is set when done) and a
     * count of what was done (operations written, rows read…). It is also the
     * heartbeat that keeps the job this node's: report at least every few seconds.
     */
    void progress(int percent, long count);

    /** The platform's clock. */
    Instant now();

    /** The caller the job acts as in documents and audit records: the system, for this job. */
    Caller caller();
}
