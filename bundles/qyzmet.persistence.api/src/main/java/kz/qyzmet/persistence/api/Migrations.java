package kz.qyzmet.persistence.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The schemas the bundles bring, and their repair. A bundle that declares its
 * schema in the manifest header {@value #SCHEMA_HEADER} is migrated when it
 * starts, before any of its components (and so its services) are activated;
 * others when they first call {@link Persistence#open}. A failed migration
 * does not stop the platform: the bundle's database refuses every use
 * ({@link MigrationFailedException}), its services answer 503, and an operator
 * repairs it once the cause is fixed.
 */
@ProviderType
public interface Migrations {
    /** Manifest header naming the schema a bundle migrates when it starts, e.g. {@code Qyzmet-Schema: demo_offices}. */
    String SCHEMA_HEADER = "Qyzmet-Schema";

    /** Every schema migrated or tried since the platform started, by name. */
    List<SchemaState> schemas();

    /** The schemas of one bundle. */
    List<SchemaState> ofBundle(String symbolicName);

    /**
     * Tries a failed schema again with the migrations of the bundle installed now:
     * the failed attempt is forgotten (Flyway repair), then the pending migrations
     * run. MariaDB does not roll DDL back, so a migration must be written to be
     * run again (IF NOT EXISTS, IF EXISTS, idempotent statements).
     *
     * @return the state after the attempt
     * @throws IllegalArgumentException for a schema nobody opened
     */
    SchemaState repair(String schema);
}
