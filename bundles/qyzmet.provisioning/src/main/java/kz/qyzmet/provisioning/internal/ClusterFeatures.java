package kz.qyzmet.provisioning.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.ibatis.session.SqlSession;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.persistence.api.Persistence;
import kz.qyzmet.provisioning.api.FeatureProvisioner;
import kz.qyzmet.provisioning.api.FeatureState;
import kz.qyzmet.provisioning.api.ProvisioningException;

/**
 * The features operators install at runtime, for every node of the cluster:
 * stored in the database with the operator's change (and its audit record),
 * and followed by each node — installed at start (a node that joins runs what
 * the others run) and within a poll of another node's change, removed the same way.
 */
@org.osgi.annotation.bundle.Header(name = kz.qyzmet.persistence.api.Migrations.SCHEMA_HEADER, value = ClusterFeatures.SCHEMA)
@Component(service = {}, immediate = true)
@org.osgi.service.jaxrs.whiteboard.annotations.RequireJaxrsWhiteboard
public class ClusterFeatures {
    static final String SCHEMA = "provisioning";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterFeatures.class);
    private static final long POLL_MILLIS = 2000;
    private static final Caller NODE = new Caller("system:provisioning", "system", "", "", "cluster-features");

    private final Database database;
    private final FeatureProvisioner provisioner;
    private final AuditJournal audit;
    private final Clock clock;
    /** Installs that failed here, by feature and the change they followed: not tried again until the change does. */
    private final Map<String, LocalDateTime> failed = new ConcurrentHashMap<>();
    private final org.osgi.framework.ServiceRegistration<?> resource;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "qyzmet-cluster-features");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public ClusterFeatures(@Reference Persistence persistence, @Reference FeatureProvisioner provisioner,
            @Reference AuditJournal audit, @Reference Clock clock, BundleContext context) {
        this.database = persistence.open(context.getBundle(), SCHEMA, RuntimeFeatureMapper.class);
        this.provisioner = provisioner;
        this.audit = audit;
        this.clock = clock;
        java.util.Hashtable<String, Object> properties = new java.util.Hashtable<>();
        properties.put("osgi.jaxrs.resource", Boolean.TRUE);
        properties.put("osgi.jaxrs.application.select", kz.qyzmet.rest.api.Api.APPLICATION_SELECT);
        properties.put("osgi.jaxrs.name", "qyzmet.operator-features");
        this.resource = context.registerService(Object.class, new OperatorFeaturesResource(provisioner, audit, this),
                properties);
        worker.scheduleWithFixedDelay(this::followQuietly, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void stop() {
        worker.shutdownNow();
        try {
            resource.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping
        }
    }

    /**
     * An operator installed or removed the feature on this node: stored for every
     * node, in the transaction of its audit record.
     */
    void changed(String name, boolean installed, AuditEvent record, Caller operator) {
        write(mapper -> {
            if (installed) {
                mapper.installed(name, now(), operator.identity());
            } else {
                mapper.removed(name, now(), operator.identity());
            }
            audit.record(record);
            return null;
        });
    }

    private void followQuietly() {
        try {
            follow();
        } catch (RuntimeException e) {
            LOG.warn("runtime features: cannot follow the cluster now: {}", e.toString());
        }
    }

    /**
     * Runs an operator's change of this node (the install or removal, then its stored record) so that following
     * the cluster never interleaves with it: a poll that read the stored features just before an operator removed
     * one would otherwise see it stopped here and install it again (FeatureProvisioningIT caught that once).
     */
    <T> T exclusively(java.util.function.Supplier<T> change) {
        synchronized (following) {
            return change.get();
        }
    }

    /** Held while following the cluster and while an operator changes this node. */
    private final Object following = new Object();

    void follow() {
        synchronized (following) {
            followNow();
        }
    }

    private void followNow() {
        List<RuntimeFeatureRow> rows = database.read(session -> mapper(session).all());
        Map<String, FeatureState> here = new java.util.HashMap<>();
        provisioner.features().forEach(state -> here.put(state.name(), state));
        for (RuntimeFeatureRow row : rows) {
            FeatureState state = here.get(row.name);
            if (state == null) {
                continue; // a feature this node does not have (another version of the platform)
            }
            if (row.removedAt == null && !state.running() && !row.installedAt.equals(failed.get(row.name))) {
                try {
                    provisioner.install(row.name);
                    failed.remove(row.name);
                    audit.record(AuditEvent.builder("provisioning.feature.followed", "feature:" + row.name).by(NODE)
                            .detail("change", "installed").detail("by", row.installedBy).build());
                    LOG.info("feature {} installed here too, as {} installed it on the cluster", row.name, row.installedBy);
                } catch (ProvisioningException refused) {
                    failed.put(row.name, row.installedAt);
                    LOG.error("feature {} installed on the cluster does not install here: {}", row.name, refused.getMessage());
                }
            } else if (row.removedAt != null && state.origin() == FeatureState.Origin.RUNTIME) {
                try {
                    provisioner.uninstall(row.name);
                    audit.record(AuditEvent.builder("provisioning.feature.followed", "feature:" + row.name).by(NODE)
                            .detail("change", "removed").detail("by", row.removedBy).build());
                    LOG.info("feature {} removed here too, as {} removed it from the cluster", row.name, row.removedBy);
                } catch (ProvisioningException refused) {
                    LOG.error("feature {} removed from the cluster is not removed here: {}", row.name, refused.getMessage());
                }
            }
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    private <T> T write(Function<RuntimeFeatureMapper, T> work) {
        return database.inTransaction(session -> work.apply(mapper(session)));
    }

    private static RuntimeFeatureMapper mapper(SqlSession session) {
        return session.getMapper(RuntimeFeatureMapper.class);
    }
}
