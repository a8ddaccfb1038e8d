package kz.qyzmet.audit.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Append-only journal of state changes and security events. Records can be
 * added and read, never changed or removed (rules §45.1, §45.3).
 */
@ProviderType
public interface AuditJournal {

    /**
     * Appends an event. The journal stamps the time. Called inside a transaction
     * of the platform's database (see {@code Database}, {@code Transactions}), the
     * record is appended on that transaction just before it commits: the change
     * and its record commit together or not at all (rules §45.1). Called outside
     * one, the call returns once the record is durable. Either way it throws if the
     * record could not be stored, so a caller never reports success for a change
     * that left no trace.
     */
    void record(AuditEvent event);

    /** The newest records about one subject, newest first, at most {@code limit}. */
    List<AuditRecord> findBySubject(String subject, int limit);

    /** Records matching every given criterion, newest first. */
    List<AuditRecord> search(AuditQuery query);

    /**
     * Walks the whole hash chain and compares the second store with it
     * (rules §32, §33, §45.1), naming the first altered, missing, inserted or
     * replaced record.
     */
    AuditVerification verify();
}
