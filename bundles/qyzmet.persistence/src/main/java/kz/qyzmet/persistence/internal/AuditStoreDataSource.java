package kz.qyzmet.persistence.internal;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

import com.zaxxer.hikari.HikariDataSource;

import kz.qyzmet.persistence.api.Persistence;

/** A small pool on the audit journal's second store, registered as the {@code audit-replica} DataSource. */
@Component(configurationPid = AuditStoreDataSource.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = AuditStoreConfiguration.class)
public class AuditStoreDataSource {
    static final String PID = "kz.qyzmet.auditstore";

    private final HikariDataSource pool;
    private final ServiceRegistration<DataSource> registration;

    @Activate
    public AuditStoreDataSource(AuditStoreConfiguration configuration, BundleContext context) throws SQLException {
        this.pool = PooledDataSource.pool("qyzmet-audit-store", configuration.url(), configuration.user(),
                configuration.password(), 2, 10_000);
        MigrationSources.register(pool, configuration.url(), configuration.migration_user(), configuration.migration_password());
        this.registration = PooledDataSource.register(context, pool, Persistence.AUDIT_REPLICA_STORE, configuration.url());
    }

    @Deactivate
    void close() {
        PooledDataSource.close(registration, pool);
    }
}
