package kz.qyzmet.persistence.api;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/**
 * Opens a bundle's database: migrates its schema, then gives it MyBatis sessions
 * for its mappers. Call it from the activator or the component that owns the
 * schema; a hot-deployed bundle thus brings its schema with it, and an updated
 * bundle runs its new migrations when it starts.
 */
@ProviderType
public interface Persistence {

    /** Folder inside the owning bundle that holds its SQL migrations ({@code V1__create.sql}, …). */
    String MIGRATIONS_FOLDER = "db/migration";

    /**
     * Migrates {@code owner}'s schema (unless it was migrated when the bundle
     * started) and returns a database for its mappers. A failed migration does
     * not throw here: the database returned refuses every use with a
     * {@link MigrationFailedException} until the schema is repaired
     * ({@link Migrations#repair}), so that the bundle's services can still say
     * they are unavailable, and why.
     *
     * @param owner   bundle whose {@value #MIGRATIONS_FOLDER} holds the migrations
     * @param name    schema name, lower case letters, digits and '_' (history table {@code flyway_<name>})
     * @param mappers the owner's MyBatis mapper interfaces (annotations or XML beside the interface)
     */
    Database open(Bundle owner, String name, Class<?>... mappers);

    /**
     * Like {@link #open(Bundle, String, Class...)}, on another store than the
     * platform's database, e.g. the audit journal's second store (rules §33),
     * registered as a {@code DataSource} service with {@value #STORE_PROPERTY}.
     */
    Database open(Bundle owner, String name, javax.sql.DataSource store, Class<?>... mappers);

    /** Service property naming a {@code DataSource}: {@value #MAIN_STORE} is the platform's database. */
    String STORE_PROPERTY = "qyzmet.datasource";

    /** The platform's database. */
    String MAIN_STORE = "main";

    /** The second store of the audit journal. */
    String AUDIT_REPLICA_STORE = "audit-replica";
}
