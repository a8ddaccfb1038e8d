package kz.qyzmet.persistence.internal;

import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.persistence.api.Migrations;
import kz.qyzmet.persistence.api.Persistence;
import kz.qyzmet.persistence.api.SchemaState;
import kz.qyzmet.persistence.api.Transactions;

/**
 * Flyway per bundle (own history table {@code flyway_<name>}, migrations from the
 * bundle's own entries) and a MyBatis session factory per bundle built from its
 * mapper interfaces; package scanning does not work across bundle class loaders.
 * A bundle that names its schema in {@value Migrations#SCHEMA_HEADER} is migrated
 * synchronously when it starts, before the component runtime activates any of
 * its components: its services never register on a schema that is not there.
 */
@Component(service = { Persistence.class, Transactions.class, Migrations.class })
public class PersistenceService implements Persistence, Transactions, Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(PersistenceService.class);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");

    private final DataSource dataSource;
    /** No mappers of its own: it only opens the transaction the databases of the bundles join. */
    private final Database transactions;
    private final Schemas schemas = new Schemas(java.time.Clock.systemUTC());
    private final BundleContext context;
    private final SynchronousBundleListener starting = this::bundleChanged;

    @Activate
    public PersistenceService(@Reference(target = "(" + STORE_PROPERTY + "=" + MAIN_STORE + ")") DataSource dataSource,
            BundleContext context) {
        this.dataSource = dataSource;
        this.context = context;
        this.transactions = new MyBatisDatabase(new SqlSessionFactoryBuilder().build(configuration("transactions", dataSource)),
                dataSource);
        context.addBundleListener(starting);
        for (Bundle bundle : context.getBundles()) {
            // those that started before persistence did: migrated now, before anything else can use them
            if ((bundle.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0) {
                migrateDeclared(bundle);
            }
        }
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(starting);
    }

    private void bundleChanged(BundleEvent event) {
        if (event.getType() == BundleEvent.STARTING) {
            migrateDeclared(event.getBundle());
        }
    }

    private void migrateDeclared(Bundle bundle) {
        String name = bundle.getHeaders("").get(SCHEMA_HEADER);
        if (name == null || name.isBlank()) {
            return;
        }
        if (!NAME.matcher(name.strip()).matches()) {
            LOG.error("{}: header {} must match {}: {}", bundle.getSymbolicName(), SCHEMA_HEADER, NAME, name);
            return;
        }
        schemas.migrate(bundle, name.strip(), dataSource);
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
        return schemas.open(owner, name, store,
                opened -> new MyBatisDatabase(new SqlSessionFactoryBuilder().build(configuration(name, opened, mappers)), opened));
    }

    @Override
    public List<SchemaState> schemas() {
        return schemas.states();
    }

    @Override
    public List<SchemaState> ofBundle(String symbolicName) {
        return schemas.states().stream().filter(state -> state.bundle().equals(symbolicName)).toList();
    }

    @Override
    public SchemaState repair(String schema) {
        return schemas.repair(schema);
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
