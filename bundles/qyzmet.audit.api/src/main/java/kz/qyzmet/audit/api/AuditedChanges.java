package kz.qyzmet.audit.api;

import java.util.Set;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A bundle that keeps state the journal must account for (ledger entries,
 * instruction transitions, issued documents) registers this service; the
 * journal's verification then checks that every such change has its record
 * (rules §32, §45.1). A change without one means it was written around the
 * platform, or a record was lost: either is reported.
 */
@ConsumerType
public interface AuditedChanges {

    /** What the changes are, for the report: {@code "ledger entries"}. */
    String name();

    /** Every change there is, each with the record the journal must hold for it; streamed, oldest first. */
    void forEach(Consumer<Expected> sink);

    /**
     * A change and the record it needs: one journal record with this subject whose
     * type is one of {@code types} (each record accounts for one change).
     *
     * @param description how the report names the change, e.g. {@code "ledger entry 42"}
     */
    record Expected(String subject, Set<String> types, String description) {
        public Expected(String subject, String type, String description) {
            this(subject, Set.of(type), description);
        }
    }
}
