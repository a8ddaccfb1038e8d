package kz.qyzmet.deployment.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Hashtable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.annotations.RequireJaxrsWhiteboard;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.persistence.api.Migrations;
import kz.qyzmet.persistence.api.Persistence;
import kz.qyzmet.registry.api.ServiceRegistry;
import kz.qyzmet.rest.api.Api;

/**
 * Deployment as one component: the rules ({@link Deployments}), the deploy
 * directory, the cluster's stored set (installed at start — a node that joins
 * runs what the others run — and followed while running), and the operator API.
 */
@Component(immediate = true, service = {}, configurationPid = DeploymentComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DeploymentConfiguration.class)
@RequireJaxrsWhiteboard
public class DeploymentComponent {
    static final String PID = "kz.qyzmet.deployment";
    static final String DEPLOY_DIR = "qyzmet.deploy.dir";
    static final String DATA_DIR = "qyzmet.data.dir";
    private static final Logger LOG = LoggerFactory.getLogger(DeploymentComponent.class);

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "qyzmet-deployment");
        thread.setDaemon(true);
        return thread;
    });
    private final ServiceRegistration<?> resource;

    @Activate
    public DeploymentComponent(@Reference Persistence persistence, @Reference Migrations migrations,
            @Reference AuditJournal audit, @Reference ServiceRegistry registry, @Reference Clock clock,
            BundleContext context, DeploymentConfiguration config) throws IOException, GeneralSecurityException {
        SignaturePolicy signatures = SignaturePolicy.of(config, context.getProperty("qyzmet.mode"));
        Deployments deployments = new Deployments(context, persistence.open(context.getBundle(), "deployment",
                DeployedBundleMapper.class), audit, signatures, clock);
        LOG.info("service bundles {} be signed by a key of the trust store", signatures.required() ? "must" : "need not");
        String dataDir = context.getProperty(DATA_DIR);
        String deployDir = context.getProperty(DEPLOY_DIR);
        DeployDirectory directory = new DeployDirectory(deployDir != null ? Path.of(deployDir)
                : Path.of(dataDir == null ? "data" : dataDir, "deploy"), deployments);
        // what the cluster runs comes first (on the worker: bundles are not started from inside an activation);
        // the directory's jars then add to it or upgrade it
        worker.execute(() -> quietly(deployments::sync));
        worker.scheduleWithFixedDelay(() -> quietly(directory::scan), 0, Math.max(100, config.poll_ms()),
                TimeUnit.MILLISECONDS);
        worker.scheduleWithFixedDelay(() -> quietly(deployments::sync), config.cluster_poll_ms(),
                Math.max(200, config.cluster_poll_ms()), TimeUnit.MILLISECONDS);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("osgi.jaxrs.resource", Boolean.TRUE);
        properties.put("osgi.jaxrs.application.select", Api.APPLICATION_SELECT);
        properties.put("osgi.jaxrs.name", "qyzmet.operator-bundles");
        resource = context.registerService(Object.class,
                new OperatorBundlesResource(context, deployments, migrations, registry, audit), properties);
    }

    private static void quietly(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("deployment work failed, tried again at the next poll: {}", e.toString());
        }
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
        try {
            resource.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping
        }
    }
}
