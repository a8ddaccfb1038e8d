package kz.qyzmet.persistence.internal;

import java.sql.SQLException;
import java.util.Hashtable;

import javax.sql.DataSource;

import org.mariadb.jdbc.MariaDbDataSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import kz.qyzmet.persistence.api.Persistence;

/**
 * The platform's one connection pool (HikariCP over {@link MariaDbDataSource};
 * {@code DriverManager} cannot see drivers inside bundles). Registered as a
 * {@link DataSource} service once the pool has made its first connection, so
 * nothing starts on a database it cannot reach.
 */
@Component(configurationPid = PooledDataSource.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = DatabaseConfiguration.class)
public class PooledDataSource {
    static final String PID = "kz.qyzmet.db";

    private final HikariDataSource pool;
    private final ServiceRegistration<DataSource> registration;

    @Activate
    public PooledDataSource(DatabaseConfiguration configuration, BundleContext context) throws SQLException {
        this.pool = pool("qyzmet", configuration.url(), configuration.user(), configuration.password(),
                configuration.pool_size(), configuration.pool_timeout_ms());
        MigrationSources.register(pool, configuration.url(), configuration.migration_user(), configuration.migration_password());
        this.registration = register(context, pool, Persistence.MAIN_STORE, configuration.url());
    }

    static HikariDataSource pool(String name, String url, String user, String password, int size, long timeoutMs)
            throws SQLException {
        MariaDbDataSource mariaDb = new MariaDbDataSource(url);
        mariaDb.setUser(user);
        mariaDb.setPassword(password);
        HikariConfig pool = new HikariConfig();
        pool.setPoolName(name);
        pool.setDataSource(mariaDb);
        pool.setMaximumPoolSize(size);
        pool.setConnectionTimeout(timeoutMs);
        pool.setAutoCommit(true);
        pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // the platform keeps every time in UTC; system-versioned rows are stamped in the session's zone
        pool.setConnectionInitSql("SET time_zone = '+00:00'");
        return new HikariDataSource(pool);
    }

    static ServiceRegistration<DataSource> register(BundleContext context, DataSource pool, String store, String url) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Persistence.STORE_PROPERTY, store);
        properties.put("qyzmet.db.url", redact(url));
        return context.registerService(DataSource.class, pool, properties);
    }

    /** Credentials in a URL never reach the service registry. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password|pwd)=[^&;]*", "$1=***");
    }

    @Deactivate
    void close() {
        close(registration, pool);
    }

    /** Withdraws the service before closing the pool, so no one is handed a closed pool. */
    static void close(ServiceRegistration<DataSource> registration, HikariDataSource pool) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework is stopping and took it already
        }
        MigrationSources.forget(pool);
        pool.close();
    }
}
