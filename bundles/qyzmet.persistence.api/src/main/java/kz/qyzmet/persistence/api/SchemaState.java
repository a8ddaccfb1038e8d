package kz.qyzmet.persistence.api;

import java.time.Instant;

/**
 * Where a bundle's schema stands: migrated to a version, or stopped by a failed
 * migration with its error (then every use of the bundle's database is
 * refused until an operator repairs it).
 *
 * @param schema  the schema name the bundle gave ({@code flyway_<schema>} holds its history)
 * @param bundle  the owning bundle's symbolic name
 * @param bundleVersion the owning bundle's version
 * @param version the schema version reached (the last successful migration), or null for none
 * @param status  migrated or failed
 * @param error   what the failed migration said (for operators; never shown to clients), else null
 * @param at      when this state was reached
 */
public record SchemaState(String schema, String bundle, String bundleVersion, String version, Status status, String error,
        Instant at) {

    /** Whether the bundle's schema is usable. */
    public enum Status {
        MIGRATED, FAILED
    }

    public boolean failed() {
        return status == Status.FAILED;
    }
}
