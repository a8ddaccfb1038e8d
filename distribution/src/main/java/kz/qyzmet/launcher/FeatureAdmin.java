package kz.qyzmet.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.feature.Feature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.qyzmet.launcher.FeatureBundles.ResolvedBundle;
import kz.qyzmet.provisioning.api.FeatureProvisioner;
import kz.qyzmet.provisioning.api.FeatureState;
import kz.qyzmet.provisioning.api.FeatureState.Origin;
import kz.qyzmet.provisioning.api.ProvisioningException;
import kz.qyzmet.provisioning.api.ProvisioningException.Reason;

/**
 * Installs and removes whole features at runtime, from the same feature files and
 * bundle repository the platform started from. Features an operator installs are
 * remembered in {@code <data dir>/features.runtime} and installed again at every
 * start until removed. Registered in the framework as a {@link FeatureProvisioner}
 * service of the system bundle.
 */
final class FeatureAdmin implements FeatureProvisioner {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureAdmin.class);

    private final BundleContext system;
    private final FeatureBundles features;
    private final Set<String> startup;
    private final Set<String> runtime;
    private final Path record;

    FeatureAdmin(BundleContext system, FeatureBundles features, List<String> startupFeatures, Path record) {
        this.system = system;
        this.features = features;
        this.startup = features.closure(startupFeatures);
        this.record = record;
        this.runtime = new LinkedHashSet<>(recorded(record));
    }

    /** Features installed at runtime before the last stop. */
    static List<String> recorded(Path record) {
        try {
            return Files.isRegularFile(record)
                    ? Files.readAllLines(record, StandardCharsets.UTF_8).stream().map(String::trim)
                            .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList()
                    : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + record, e);
        }
    }

    @Override
    public synchronized List<FeatureState> features() {
        List<FeatureState> states = new ArrayList<>();
        for (String name : features.source().featureNames()) {
            states.add(state(name));
        }
        return states;
    }

    @Override
    public synchronized FeatureState install(String name) {
        List<ResolvedBundle> bundles = resolve(name);
        List<Bundle> added = new ArrayList<>();
        try {
            added.addAll(BundleInstaller.installMissing(system, bundles));
            List<String> failures = BundleInstaller.start(added);
            if (!failures.isEmpty()) {
                throw new BundleException(String.join("; ", failures));
            }
        } catch (IOException | BundleException e) {
            // all or nothing: what this call added goes again
            uninstallQuietly(added);
            throw new ProvisioningException(Reason.BUNDLE_FAILED, name,
                    "feature '" + name + "' cannot be installed: " + e.getMessage(), e);
        }
        if (!startup.contains(name) && runtime.add(name)) {
            save();
        }
        LOG.info("feature '{}' installed ({} new bundles)", name, added.size());
        return state(name);
    }

    @Override
    public synchronized FeatureState uninstall(String name) {
        if (features.source().feature(name) == null) {
            throw unknown(name);
        }
        if (startup.contains(name)) {
            throw new ProvisioningException(Reason.STARTUP_FEATURE, name, "feature '" + name
                    + "' is part of the platform's start-up features and cannot be removed at runtime", null);
        }
        if (!runtime.contains(name)) {
            throw new ProvisioningException(Reason.NOT_INSTALLED, name, "feature '" + name + "' is not installed", null);
        }
        Set<String> stillNeeded = new HashSet<>();
        List<String> remaining = new ArrayList<>(startup);
        runtime.stream().filter(other -> !other.equals(name)).forEach(remaining::add);
        for (ResolvedBundle bundle : features.resolve(remaining)) {
            stillNeeded.add(BundleInstaller.location(bundle));
        }
        List<Bundle> removable = new ArrayList<>();
        for (ResolvedBundle bundle : features.resolve(List.of(name))) {
            String location = BundleInstaller.location(bundle);
            Bundle installed = system.getBundle(location);
            if (installed != null && !stillNeeded.contains(location)) {
                removable.add(installed);
            }
        }
        uninstallQuietly(removable);
        refresh();
        runtime.remove(name);
        save();
        LOG.info("feature '{}' removed ({} bundles uninstalled)", name, removable.size());
        return state(name);
    }

    private List<ResolvedBundle> resolve(String name) {
        if (features.source().feature(name) == null) {
            throw unknown(name);
        }
        try {
            return features.resolve(List.of(name));
        } catch (IllegalArgumentException e) {
            throw new ProvisioningException(Reason.BUNDLE_FAILED, name, e.getMessage(), e);
        }
    }

    private static ProvisioningException unknown(String name) {
        return new ProvisioningException(Reason.UNKNOWN_FEATURE, name, "there is no feature '" + name + "'", null);
    }

    private FeatureState state(String name) {
        Feature feature = features.read(name);
        List<String> bundles = features.resolve(List.of(name)).stream().map(ResolvedBundle::mavenId).toList();
        boolean running = bundles.stream().allMatch(id -> system.getBundle(BundleInstaller.LOCATION_PREFIX + id) != null);
        Origin origin = startup.contains(name) ? Origin.STARTUP : runtime.contains(name) ? Origin.RUNTIME : Origin.NONE;
        return new FeatureState(name, feature.getName().orElse(name), feature.getDescription().orElse(""), bundles,
                running, origin);
    }

    private void uninstallQuietly(List<Bundle> bundles) {
        for (Bundle bundle : bundles) {
            try {
                bundle.uninstall();
            } catch (BundleException | IllegalStateException e) {
                LOG.warn("cannot uninstall {}: {}", bundle.getSymbolicName(), e.getMessage());
            }
        }
    }

    /** Lets the framework drop the wiring of uninstalled bundles before the call returns. */
    private void refresh() {
        CountDownLatch refreshed = new CountDownLatch(1);
        system.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class)
                .refreshBundles(null, event -> {
                    if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                        refreshed.countDown();
                    }
                });
        try {
            refreshed.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void save() {
        try {
            Path temporary = record.resolveSibling(record.getFileName() + ".tmp");
            Files.write(temporary, List.copyOf(runtime), StandardCharsets.UTF_8);
            Files.move(temporary, record, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the runtime features in " + record, e);
        }
    }
}
