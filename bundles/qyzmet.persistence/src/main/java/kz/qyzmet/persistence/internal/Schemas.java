package kz.qyzmet.persistence.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.persistence.api.MigrationFailedException;
import kz.qyzmet.persistence.api.Persistence;
import kz.qyzmet.persistence.api.SchemaState;

/**
 * Every schema a bundle brings: Flyway per schema (own history table
 * {@code flyway_<name>}, migrations from the bundle's own entries, run as the
 * owner account), its state, and the databases handed out for it, which start
 * or stop working with it.
 */
final class Schemas {
    private static final Logger LOG = LoggerFactory.getLogger(Schemas.class);
    private static final ClassProvider<JavaMigration> NO_JAVA_MIGRATIONS = List::of;
    private static final int ERROR_LENGTH = 2000;

    /** One schema: who owns it, on which store, its state and the databases that follow it. */
    private static final class Schema {
        final String name;
        volatile Bundle owner;
        volatile DataSource store;
        volatile long migratedRevision = -1;
        volatile SchemaState state;
        final List<Opened> opened = new ArrayList<>();

        Schema(String name) {
            this.name = name;
        }
    }

    private record Opened(RecoverableDatabase database, Function<DataSource, Database> build) {
    }

    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final Clock clock;

    Schemas(Clock clock) {
        this.clock = clock;
    }

    /**
     * Brings the schema up to date for this revision of the bundle, once: a
     * bundle migrated when it started is not migrated again when its components
     * open the database, and an updated bundle (a new revision) is.
     */
    synchronized SchemaState migrate(Bundle owner, String name, DataSource store) {
        // one bundle may keep the same schema on two stores (the audit journal and its second store, §33)
        Schema schema = schemas.computeIfAbsent(key(name, store), absent -> new Schema(name));
        long revision = owner.getLastModified() ^ owner.getBundleId() << 40;
        if (schema.state != null && schema.owner != null && schema.owner.getBundleId() == owner.getBundleId()
                && schema.migratedRevision == revision) {
            return schema.state;
        }
        schema.owner = owner;
        schema.store = store;
        schema.migratedRevision = revision;
        schema.state = run(schema, false);
        follow(schema);
        return schema.state;
    }

    /** A database that works while the schema does. */
    synchronized Database open(Bundle owner, String name, DataSource store, Function<DataSource, Database> build) {
        SchemaState state = migrate(owner, name, store);
        Schema schema = schemas.get(key(name, store));
        RecoverableDatabase database = new RecoverableDatabase(store);
        schema.opened.add(new Opened(database, build));
        apply(schema, state, database, build);
        return database;
    }

    /** Repairs the schema on every store it is kept on; the state of the first that still fails, else of the last. */
    synchronized SchemaState repair(String name) {
        List<Schema> named = schemas.values().stream().filter(schema -> schema.name.equals(name) && schema.owner != null)
                .toList();
        if (named.isEmpty()) {
            throw new IllegalArgumentException("no bundle opened a schema named " + name);
        }
        SchemaState result = null;
        for (Schema schema : named) {
            schema.state = run(schema, true);
            follow(schema);
            if (result == null || !result.failed()) {
                result = schema.state;
            }
        }
        return result;
    }

    private static String key(String name, DataSource store) {
        return name + "@" + System.identityHashCode(store);
    }

    List<SchemaState> states() {
        return schemas.values().stream().map(schema -> schema.state).filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparing(SchemaState::schema)).toList();
    }

    /** The bundle's databases follow its schema's state. */
    private void follow(Schema schema) {
        for (Opened opened : schema.opened) {
            apply(schema, schema.state, opened.database(), opened.build());
        }
    }

    private void apply(Schema schema, SchemaState state, RecoverableDatabase database, Function<DataSource, Database> build) {
        if (state.failed()) {
            database.fails(new MigrationFailedException(schema.owner.getSymbolicName() + ": schema '" + schema.name
                    + "' failed to migrate: " + state.error(), null));
        } else {
            database.works(build.apply(schema.store));
        }
    }

    private SchemaState run(Schema schema, boolean repairFirst) {
        Bundle owner = schema.owner;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        ClassLoader flywayLoader = Flyway.class.getClassLoader();
        thread.setContextClassLoader(flywayLoader);
        Flyway flyway = null;
        try {
            flyway = configuration(flywayLoader, owner, schema.name, schema.store).load();
            if (repairFirst) {
                // MariaDB keeps what a failed DDL statement did: forget the failed attempt, run it again
                flyway.repair();
            }
            MigrateResult result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("{}: schema '{}' migrated to version {} ({} migrations)", owner.getSymbolicName(), schema.name,
                        result.targetSchemaVersion, result.migrationsExecuted);
            }
            return state(schema, owner, version(flyway), SchemaState.Status.MIGRATED, null);
        } catch (RuntimeException e) {
            String error = message(e);
            LOG.error("{}: migrating schema '{}' failed; its services are unavailable until an operator repairs it: {}",
                    owner.getSymbolicName(), schema.name, error);
            return state(schema, owner, flyway == null ? null : version(flyway), SchemaState.Status.FAILED, error);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private SchemaState state(Schema schema, Bundle owner, String version, SchemaState.Status status, String error) {
        return new SchemaState(schema.name, owner.getSymbolicName(), owner.getVersion().toString(), version, status, error,
                clock.instant());
    }

    private static FluentConfiguration configuration(ClassLoader loader, Bundle owner, String name, DataSource store) {
        return Flyway.configure(loader)
                // the owner account: the runtime one may not alter tables or drop triggers (§45)
                .dataSource(MigrationSources.of(store))
                .table("flyway_" + name)
                // all bundles share one schema: a non-empty schema is normal, start from version 0
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .resourceProvider(new BundleMigrations(owner, Persistence.MIGRATIONS_FOLDER))
                .javaMigrationClassProvider(NO_JAVA_MIGRATIONS)
                .validateMigrationNaming(true);
    }

    /** The last successfully applied version, read back from the history table. */
    private static String version(Flyway flyway) {
        try {
            MigrationInfo current = flyway.info().current();
            return current == null || current.getVersion() == null ? null : current.getVersion().getVersion();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String message(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = e; cause != null && text.length() < ERROR_LENGTH; cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(text.length() == 0 ? "" : " / ").append(cause.getMessage().strip());
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return text.length() > ERROR_LENGTH ? text.substring(0, ERROR_LENGTH) + "…" : text.toString();
    }
}
