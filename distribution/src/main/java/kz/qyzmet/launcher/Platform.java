package kz.qyzmet.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.qyzmet.launcher.FeatureBundles.ResolvedBundle;
import kz.qyzmet.provisioning.api.FeatureProvisioner;

/**
 * One running platform: the embedded MariaDB (unless an external one is
 * configured), the TLS certificate, and a Felix framework with the bundles of
 * the configured features. Closing it stops the framework, then the database.
 */
public final class Platform implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);
    /** Features installed by operators at runtime, one per line, installed again at every start. */
    static final String RUNTIME_FEATURES = "features.runtime";

    private final Framework framework;
    private final EmbeddedDatabase database;
    private boolean closed;

    private Platform(Framework framework, EmbeddedDatabase database) {
        this.framework = framework;
        this.database = database;
    }

    /** Starts everything the settings describe, with the features and bundles inside the executable jar. */
    public static Platform start(Settings settings) throws Exception {
        return start(settings, FeatureBundles.classPath());
    }

    public static Platform start(Settings settings, FeatureBundles.Source source) throws Exception {
        Path dataDir = settings.path(Settings.DATA_DIR);
        Files.createDirectories(dataDir);
        FeatureBundles featureBundles = new FeatureBundles(source);
        List<String> startupFeatures = Arrays.asList(settings.get(Settings.FEATURES).split(","));
        Path runtimeFeatures = dataDir.resolve(RUNTIME_FEATURES);
        List<String> features = new ArrayList<>(startupFeatures);
        features.addAll(FeatureAdmin.recorded(runtimeFeatures));
        List<ResolvedBundle> bundles = featureBundles.resolve(features);
        EmbeddedDatabase database = null;
        try {
            Settings effective = settings;
            if (!settings.has(Settings.DB_URL)) {
                database = EmbeddedDatabase.start(dataDir.resolve("mariadb"), settings.port(Settings.DB_EMBEDDED_PORT),
                        dataDir.resolve("secrets").resolve(DatabaseAccounts.FILE));
                effective = withAccounts(effective, database.accounts(), database.jdbcUrl(),
                        settings.has(Settings.AUDIT_STORE_URL) ? null : database.jdbcUrl(EmbeddedDatabase.AUDIT_STORE_SCHEMA));
            }
            Map<String, String> properties = frameworkProperties(effective);
            FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
            Framework framework = factory.newFramework(properties);
            framework.init();
            List<Bundle> installed = BundleInstaller.installMissing(framework.getBundleContext(), bundles);
            framework.getBundleContext().registerService(FeatureProvisioner.class,
                    new FeatureAdmin(framework.getBundleContext(), featureBundles, startupFeatures, runtimeFeatures), null);
            framework.start();
            List<String> failures = BundleInstaller.start(installed);
            if (!failures.isEmpty()) {
                // name every bundle that cannot start, not just the first, so one fix round is enough
                framework.stop();
                framework.waitForStop(30_000);
                throw new IllegalStateException("bundles that do not start:\n  " + String.join("\n  ", failures));
            }
            return new Platform(framework, database);
        } catch (Exception | Error e) {
            if (database != null) {
                database.close();
            }
            throw e;
        }
    }

    /**
     * The embedded database's accounts (rules §45 by privileges): the runtime account for the
     * pool, the owner for migrations, and (rules §33) the insert-only account on the journal's
     * second database when no other second store is configured.
     */
    public static Settings withAccounts(Settings settings, DatabaseAccounts accounts, String url, String auditStoreUrl) {
        Settings effective = settings.with(Settings.DB_URL, url)
                .with(Settings.DB_USER, DatabaseAccounts.RUNTIME).with(Settings.DB_PASSWORD, accounts.password(DatabaseAccounts.RUNTIME))
                .with("qyzmet.db.migration.user", DatabaseAccounts.OWNER)
                .with("qyzmet.db.migration.password", accounts.password(DatabaseAccounts.OWNER));
        if (auditStoreUrl != null) {
            effective = effective.with(Settings.AUDIT_STORE_URL, auditStoreUrl)
                    .with("qyzmet.auditstore.user", DatabaseAccounts.AUDIT)
                    .with("qyzmet.auditstore.password", accounts.password(DatabaseAccounts.AUDIT))
                    .with("qyzmet.auditstore.migration.user", DatabaseAccounts.OWNER)
                    .with("qyzmet.auditstore.migration.password", accounts.password(DatabaseAccounts.OWNER));
        }
        return effective;
    }

    /**
     * The framework properties for these settings: storage in the data directory,
     * the TLS 1.3-only listener (rules §37), hot deploy from the deploy directory,
     * and every {@code qyzmet.*} setting for the configuration bundle.
     */
    public static Map<String, String> frameworkProperties(Settings settings) throws Exception {
        Path dataDir = settings.path(Settings.DATA_DIR);
        Path deployDir = settings.path(Settings.DEPLOY_DIR);
        Files.createDirectories(deployDir);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(Constants.FRAMEWORK_STORAGE, dataDir.resolve("framework").toString());
        // bundles come from the features at every start; deployed service bundles come back from the database
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        properties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, String.join(",", systemPackages()));
        properties.put("felix.log.level", "1");
        // no bundle of the platform provides URL handlers; without this Felix would install its handler factory as the
        // JVM's (a process-wide, set-once state) and a second framework in the same JVM could not register its own
        properties.put("felix.service.urlhandlers", "false");

        // the deploy directory is watched by the deployment bundle (qyzmet.deploy.dir, one of the settings below)

        properties.put("org.apache.cxf.osgi.http.transport.disable", "true");
        properties.put("org.apache.aries.spifly.auto.consumers", "jakarta.*");
        properties.put("org.apache.aries.spifly.auto.providers", "com.sun.*");

        TlsKeystore.Keystore keystore = keystore(settings, dataDir);
        properties.put("org.apache.felix.http.enable", "false");
        properties.put("org.apache.felix.https.enable", "true");
        properties.put("org.osgi.service.http.port.secure", String.valueOf(settings.port(Settings.HTTPS_PORT)));
        properties.put("org.apache.felix.https.keystore", keystore.file().toString());
        properties.put("org.apache.felix.https.keystore.password", keystore.password());
        properties.put("org.apache.felix.https.keystore.key.password",
                settings.has(Settings.HTTPS_KEY_PASSWORD) ? settings.get(Settings.HTTPS_KEY_PASSWORD) : keystore.password());
        properties.put("org.apache.felix.https.keystore.type", keystore.type());
        properties.put("org.apache.felix.https.jetty.protocols.included", "TLSv1.3");
        properties.put("org.apache.felix.http.jetty.sendServerHeader", "false");

        properties.put("qyzmet.settings", String.join(",", settings.all().keySet()));
        properties.putAll(settings.all());
        return properties;
    }

    private static TlsKeystore.Keystore keystore(Settings settings, Path dataDir) throws Exception {
        if (settings.has(Settings.HTTPS_KEYSTORE)) {
            return new TlsKeystore.Keystore(settings.path(Settings.HTTPS_KEYSTORE),
                    settings.get(Settings.HTTPS_KEYSTORE_PASSWORD),
                    settings.has(Settings.HTTPS_KEYSTORE_TYPE) ? settings.get(Settings.HTTPS_KEYSTORE_TYPE) : "PKCS12");
        }
        return TlsKeystore.selfSigned(dataDir.resolve("tls"), hostName());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /**
     * slf4j lives on the launcher's class path and is shared with the bundles through
     * the system bundle, exported as 2.x and also as 1.7 (the 2.x API is compatible),
     * which the Aries whiteboard and HikariCP still import.
     */
    /** What the launcher shares with the bundles: logging, and the provisioning API it implements. */
    public static List<String> systemPackages() {
        List<String> packages = new ArrayList<>(loggingPackagesList());
        packages.add(FeatureProvisioner.class.getPackageName() + ";version=1.0.0");
        return packages;
    }

    /** The slf4j packages the system bundle exports, one entry each. */
    public static List<String> loggingPackagesList() {
        Properties versions = new Properties();
        try (InputStream in = Platform.class.getResourceAsStream("launcher.properties")) {
            versions.load(in);
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("launcher.properties missing from the launcher", e));
        }
        String version = versions.getProperty("slf4j.version");
        List<String> exports = new ArrayList<>();
        for (String exported : List.of(version, "1.7.36")) {
            for (String pkg : List.of("org.slf4j", "org.slf4j.spi", "org.slf4j.event", "org.slf4j.helpers")) {
                exports.add(pkg + ";version=" + exported);
            }
        }
        return exports;
    }

    public Framework framework() {
        return framework;
    }

    /** Waits until the framework stops (e.g. on SIGTERM through {@link #close()}). */
    public void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    /**
     * Issue #11, item 11: before the framework stops, the platform stops taking
     * requests and lets those in flight answer (the REST bundle's drain, a
     * {@code Runnable} service: no class of the framework's is needed here).
     */
    private static final String HTTP_BUNDLE = "org.apache.felix.http.jetty12";

    private void drain() {
        try {
            org.osgi.framework.BundleContext system = framework.getBundleContext();
            org.osgi.framework.ServiceReference<?>[] drains = system == null ? null
                    : system.getServiceReferences(Runnable.class.getName(), "(qyzmet.platform.drain=true)");
            if (drains != null) {
                long started = System.nanoTime();
                for (org.osgi.framework.ServiceReference<?> reference : drains) {
                    Object drain = system.getService(reference);
                    if (drain instanceof Runnable runnable) {
                        runnable.run();
                    }
                }
                LOG.info("requests in flight answered within {} ms; stopping the framework", (System.nanoTime() - started) / 1_000_000);
            }
            // then the listener closes before anything behind it goes: a request is answered, or refused at the door
            for (org.osgi.framework.Bundle bundle : system == null ? new org.osgi.framework.Bundle[0] : system.getBundles()) {
                if (HTTP_BUNDLE.equals(bundle.getSymbolicName())) {
                    bundle.stop(org.osgi.framework.Bundle.STOP_TRANSIENT);
                }
            }
        } catch (RuntimeException | org.osgi.framework.InvalidSyntaxException | BundleException e) {
            LOG.warn("requests in flight not drained: {}", e.toString());
        }
    }

    /** Stops the framework, then the embedded database; data stays in the data directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            drain();
            framework.stop();
            FrameworkEvent event = framework.waitForStop(30_000);
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.warn("framework did not stop within 30 s");
            }
        } catch (BundleException | InterruptedException e) {
            LOG.error("framework did not stop cleanly", e);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }
}
