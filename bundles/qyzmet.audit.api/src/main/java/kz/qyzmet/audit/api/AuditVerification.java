package kz.qyzmet.audit.api;

import java.time.Instant;

/**
 * What a walk over the journal found. {@code intact} only when every record is
 * present, unaltered and in its place, and the second store (rules §33) agrees
 * with it as far as it has been copied.
 *
 * A change without its record ({@link Kind#UNRECORDED}) is a problem of the
 * main store; its sequence is 0.
 *
 * @param checked            records walked in the main store
 * @param lastSequence       the chain's last sequence number according to its head
 * @param problem            the first problem in the main store, or null
 * @param replicaConfigured  whether a second store is configured
 * @param replicaChecked     records compared in the second store
 * @param replicaProblem     the first difference between the stores, or null
 * @param replicaBehind      records not yet copied to the second store
 */
public record AuditVerification(Instant verifiedAt, long checked, long lastSequence, Problem problem,
        boolean replicaConfigured, long replicaChecked, Problem replicaProblem, long replicaBehind) {

    public boolean intact() {
        return problem == null && replicaProblem == null;
    }

    /** The first thing found wrong, at a sequence number. */
    public record Problem(Kind kind, long sequence, String detail) {
    }

    public enum Kind {
        /** A record's content no longer matches its hash. */
        ALTERED,
        /** One or more records are gone. */
        MISSING,
        /** A record exists that the chain never had. */
        INSERTED,
        /** A record was swapped for another one with a valid-looking hash: its successor does not chain to it. */
        REPLACED,
        /** The second store holds something else at this sequence than the main store. */
        DIVERGED,
        /** A change (a ledger entry, an instruction's transition, a document) has no record in the journal. */
        UNRECORDED
    }
}
