package kz.qyzmet.persistence.internal;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.persistence.api.MigrationFailedException;
import kz.qyzmet.persistence.api.Persistence;
import kz.qyzmet.persistence.api.Transactions;

/**
 * Flyway per bundle (own history table {@code flyway_<name>}, migrations from the
 * bundle's own entries) and a MyBatis session factory per bundle built from its
 * mapper interfaces; package scanning does not work across bundle class loaders.
 */
@Component(service = { Persistence.class, Transactions.class })
public class PersistenceService implements Persistence, Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(PersistenceService.class);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");
    private static final ClassProvider<JavaMigration> NO_JAVA_MIGRATIONS = List::of;

    private final DataSource dataSource;
    /** No mappers of its own: it only opens the transaction the databases of the bundles join. */
    private final Database transactions;

    @Activate
    public PersistenceService(@Reference(target = "(" + STORE_PROPERTY + "=" + MAIN_STORE + ")") DataSource dataSource) {
        this.dataSource = dataSource;
        this.transactions = new MyBatisDatabase(new SqlSessionFactoryBuilder().build(configuration("transactions", dataSource)),
                dataSource);
    }

    @Override
    public <T> T inTransaction(java.util.function.Supplier<T> work) {
        return transactions.inTransaction(session -> work.get());
    }

    @Override
    public Database open(Bundle owner, String name, Class<?>... mappers) {
        return open(owner, name, dataSource, mappers);
    }

    @Override
    public Database open(Bundle owner, String name, DataSource store, Class<?>... mappers) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("schema name must match " + NAME + ": " + name);
        }
        migrate(owner, name, store);
        return new MyBatisDatabase(new SqlSessionFactoryBuilder().build(configuration(name, store, mappers)), store);
    }

    private void migrate(Bundle owner, String name, DataSource dataSource) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        ClassLoader flywayLoader = Flyway.class.getClassLoader();
        thread.setContextClassLoader(flywayLoader);
        try {
            MigrateResult result = Flyway.configure(flywayLoader)
                    // the owner account: the runtime one may not alter tables or drop triggers (§45)
                    .dataSource(MigrationSources.of(dataSource))
                    .table("flyway_" + name)
                    // all bundles share one schema: a non-empty schema is normal, start from version 0
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .resourceProvider(new BundleMigrations(owner, MIGRATIONS_FOLDER))
                    .javaMigrationClassProvider(NO_JAVA_MIGRATIONS)
                    .validateMigrationNaming(true)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("{}: schema '{}' migrated to version {} ({} migrations)", owner.getSymbolicName(), name,
                        result.targetSchemaVersion, result.migrationsExecuted);
            }
        } catch (RuntimeException e) {
            throw new MigrationFailedException(owner.getSymbolicName() + ": migrating schema '" + name + "' failed: "
                    + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private Configuration configuration(String name, DataSource dataSource, Class<?>... mappers) {
        Configuration configuration = new Configuration(new Environment(name, new ExplicitTransactions(), dataSource));
        configuration.setMapUnderscoreToCamelCase(true);
        configuration.setArgNameBasedConstructorAutoMapping(true);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            for (Class<?> mapper : mappers) {
                // XML mappers next to the interface are found through the owning bundle's loader
                thread.setContextClassLoader(mapper.getClassLoader());
                configuration.addMapper(mapper);
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
        return configuration;
    }

}
