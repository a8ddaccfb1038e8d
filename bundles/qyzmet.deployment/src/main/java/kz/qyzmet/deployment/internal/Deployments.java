package kz.qyzmet.deployment.internal;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.common.api.Caller;

/**
 * The rules of deployment, the same for the deploy directory and the operator
 * API (issue #12):
 * <ul>
 * <li>one version per bundle symbolic name: a newer one replaces the running
 * one in place (the framework stops it, swaps it, starts it, and its new
 * migrations run before its services come back); an older one is refused with
 * the reason; the same version with other content replaces it;</li>
 * <li>a bundle of the platform itself cannot be replaced this way;</li>
 * <li>the signature is checked first ({@link SignaturePolicy});</li>
 * <li>the bundle is stored in the database, and every node installs what is
 * stored there — at start, and within a poll of another node's change.</li>
 * </ul>
 * Each deployment, refusal and removal is journalled; the stored row and its
 * record commit together.
 */
final class Deployments {
    static final String LOCATION_PREFIX = "qyzmet-deploy:";
    private static final Logger LOG = LoggerFactory.getLogger(Deployments.class);

    /** What a deployment did. */
    enum Change {
        INSTALLED, UPGRADED, REPLACED, UNCHANGED
    }

    record Outcome(Change change, String symbolicName, Version version, String previousVersion) {
    }

    private final BundleContext context;
    private final Database database;
    private final AuditJournal audit;
    private final SignaturePolicy signatures;
    private final Clock clock;
    /** The content each deployed bundle runs with on this node, by symbolic name. */
    private final Map<String, String> running = new ConcurrentHashMap<>();
    private final Map<String, String> errors = new ConcurrentHashMap<>();

    Deployments(BundleContext context, Database database, AuditJournal audit, SignaturePolicy signatures, Clock clock) {
        this.context = context;
        this.database = database;
        this.audit = audit;
        this.signatures = signatures;
        this.clock = clock;
    }

    synchronized Outcome deploy(byte[] content, String source, Caller caller) {
        BundleArchive archive;
        String signer;
        try {
            archive = BundleArchive.of(content);
            signer = signatures.check(content);
            Bundle installed = installed(archive.symbolicName()).orElse(null);
            if (installed != null && !ours(installed)) {
                throw new DeploymentRefused("platform-bundle", archive.symbolicName()
                        + " is a bundle of the platform itself; it is upgraded with the platform, not deployed");
            }
        } catch (DeploymentRefused refused) {
            refusedRecord(content, source, caller, refused);
            throw refused;
        }
        if (signer == null) {
            LOG.warn("{} {} is not signed; accepted because signatures are not required in this mode",
                    archive.symbolicName(), archive.version());
        }
        Outcome outcome;
        try {
            outcome = store(archive, source, signer, caller);
        } catch (DeploymentRefused refused) {
            refusedRecord(content, source, caller, refused);
            throw refused;
        }
        if (outcome.change() != Change.UNCHANGED || !running.containsKey(archive.symbolicName())) {
            apply(archive.symbolicName(), archive.sha256(), content);
        }
        return outcome;
    }

    private Outcome store(BundleArchive archive, String source, String signer, Caller caller) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        return database.inTransaction(session -> {
            DeployedBundleMapper mapper = session.getMapper(DeployedBundleMapper.class);
            DeployedBundleRow existing = mapper.lock(archive.symbolicName());
            boolean live = existing != null && existing.removedAt == null;
            Change change = Change.INSTALLED;
            if (live) {
                int order = archive.version().compareTo(Version.parseVersion(existing.version));
                if (order < 0) {
                    throw new DeploymentRefused("older-version", archive.symbolicName() + " " + archive.version()
                            + " is older than " + existing.version + ", which runs; one version runs per bundle, and"
                            + " going back is a new version or a removal first");
                }
                if (order == 0 && archive.sha256().equals(existing.sha256)) {
                    return new Outcome(Change.UNCHANGED, archive.symbolicName(), archive.version(), existing.version);
                }
                change = order > 0 ? Change.UPGRADED : Change.REPLACED;
            }
            DeployedBundleRow row = new DeployedBundleRow();
            row.symbolicName = archive.symbolicName();
            row.version = archive.version().toString();
            row.sha256 = archive.sha256();
            row.content = archive.content();
            row.source = source;
            row.signer = signer;
            row.deployedAt = now;
            row.deployedBy = caller.identity();
            if (existing == null) {
                mapper.insert(row);
            } else {
                mapper.replace(row);
            }
            audit.record(AuditEvent.builder("deployment." + change.name().toLowerCase(), "bundle:" + row.symbolicName)
                    .by(caller).detail("version", row.version).detail("previousVersion", live ? existing.version : "")
                    .detail("sha256", row.sha256).detail("source", source).detail("signer", signer == null ? "" : signer)
                    .build());
            return new Outcome(change, archive.symbolicName(), archive.version(), live ? existing.version : null);
        });
    }

    private void refusedRecord(byte[] content, String source, Caller caller, DeploymentRefused refused) {
        String name = symbolicNameOrNull(content);
        if (name != null) {
            errors.put(name, refused.getMessage());
        }
        LOG.warn("deployment from {} refused: {}", source, refused.getMessage());
        audit.record(AuditEvent.builder("deployment.refused", "bundle:" + (name == null ? "unknown" : name)).by(caller)
                .detail("reason", refused.code()).detail("detail", refused.getMessage()).detail("source", source)
                .detail("sha256", BundleArchive.sha256(content)).build());
    }

    private static String symbolicNameOrNull(byte[] content) {
        try {
            return BundleArchive.of(content).symbolicName();
        } catch (DeploymentRefused notABundle) {
            return null;
        }
    }

    /** Removes the bundle from every node; its tables and data stay (a later version finds them). */
    synchronized boolean remove(String symbolicName, Caller caller) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        boolean removed = database.inTransaction(session -> {
            if (session.getMapper(DeployedBundleMapper.class).remove(symbolicName, now, caller.identity()) == 0) {
                return false;
            }
            audit.record(AuditEvent.builder("deployment.removed", "bundle:" + symbolicName).by(caller).build());
            return true;
        });
        if (removed) {
            uninstall(symbolicName);
        }
        return removed;
    }

    /**
     * Brings this node in line with what is stored: installs or upgrades what
     * others deployed, uninstalls what they removed, and starts again what could
     * not start before (an import that is there now).
     */
    synchronized void sync() {
        List<DeployedBundleRow> rows = rows();
        for (DeployedBundleRow row : rows) {
            if (row.removedAt != null) {
                if (running.containsKey(row.symbolicName) || installed(row.symbolicName).filter(this::ours).isPresent()) {
                    uninstall(row.symbolicName);
                }
            } else if (!row.sha256.equals(running.get(row.symbolicName))) {
                DeployedBundleRow stored = database.read(session -> session.getMapper(DeployedBundleMapper.class)
                        .withContent(row.symbolicName, row.sha256));
                if (stored != null && stored.content != null) {
                    apply(row.symbolicName, row.sha256, stored.content);
                }
            } else {
                installed(row.symbolicName).filter(bundle -> bundle.getState() == Bundle.INSTALLED
                        || bundle.getState() == Bundle.RESOLVED).ifPresent(this::start);
            }
        }
    }

    List<DeployedBundleRow> rows() {
        return database.read(session -> session.getMapper(DeployedBundleMapper.class).all());
    }

    Optional<String> error(String symbolicName) {
        Optional<String> unresolved = installed(symbolicName).filter(bundle -> bundle.getState() == Bundle.INSTALLED)
                .map(this::unresolved).filter(text -> !text.isEmpty());
        return unresolved.isPresent() ? unresolved : Optional.ofNullable(errors.get(symbolicName));
    }

    /** Bundles whose last deployment was refused, with nothing of them installed. */
    java.util.Set<String> refusedNames() {
        return errors.keySet().stream().filter(name -> installed(name).isEmpty()).collect(java.util.stream.Collectors.toSet());
    }

    /** The content this node runs for a deployed bundle, if any. */
    Optional<String> runningSha(String symbolicName) {
        return Optional.ofNullable(running.get(symbolicName));
    }

    Optional<Bundle> installed(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return Optional.of(bundle);
            }
        }
        return Optional.empty();
    }

    boolean ours(Bundle bundle) {
        return bundle.getLocation().startsWith(LOCATION_PREFIX);
    }

    private void apply(String symbolicName, String sha256, byte[] content) {
        Bundle bundle = installed(symbolicName).orElse(null);
        try {
            if (bundle == null) {
                bundle = context.installBundle(LOCATION_PREFIX + symbolicName, new ByteArrayInputStream(content));
            } else if (ours(bundle)) {
                // in place: the framework stops it, swaps its content and starts it again; no second copy runs
                bundle.update(new ByteArrayInputStream(content));
                refresh(bundle);
            } else {
                errors.put(symbolicName, symbolicName + " is a bundle of the platform itself");
                return;
            }
            running.put(symbolicName, sha256);
            errors.remove(symbolicName);
            start(bundle);
        } catch (BundleException | IllegalStateException e) {
            errors.put(symbolicName, e.getMessage());
            LOG.error("{} could not be installed: {}", symbolicName, e.getMessage(), e);
        }
    }

    private void start(Bundle bundle) {
        if (bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.STARTING) {
            return;
        }
        try {
            bundle.start();
            errors.remove(bundle.getSymbolicName());
        } catch (BundleException | IllegalStateException e) {
            String unresolved = unresolved(bundle);
            String error = unresolved.isEmpty() ? e.getMessage() : unresolved;
            if (!error.equals(errors.put(bundle.getSymbolicName(), error))) {
                LOG.error("{} {} does not start: {}", bundle.getSymbolicName(), bundle.getVersion(), error);
            }
        }
    }

    private void uninstall(String symbolicName) {
        running.remove(symbolicName);
        errors.remove(symbolicName);
        installed(symbolicName).filter(this::ours).ifPresent(bundle -> {
            try {
                bundle.uninstall();
                refresh(bundle);
            } catch (BundleException | IllegalStateException e) {
                LOG.error("{} could not be uninstalled: {}", symbolicName, e.getMessage());
            }
        });
    }

    private void refresh(Bundle bundle) {
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle));
    }

    /** What the bundle needs and nothing installed provides: the missing imports an operator must fix. */
    String unresolved(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return "";
        }
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        StringBuilder missing = new StringBuilder();
        for (BundleRequirement requirement : revision.getDeclaredRequirements(null)) {
            String namespace = requirement.getNamespace();
            if (!namespace.equals(BundleRevision.PACKAGE_NAMESPACE) && !namespace.equals("osgi.extender")
                    && !namespace.equals("osgi.service") && !namespace.equals("osgi.contract")) {
                continue;
            }
            if ("optional".equals(requirement.getDirectives().get("resolution"))
                    || "active".equals(requirement.getDirectives().getOrDefault("effective", "resolve"))) {
                continue;
            }
            if (wiring.findProviders(requirement).isEmpty()) {
                missing.append(missing.length() == 0 ? "missing: " : "; ").append(namespace).append(' ')
                        .append(requirement.getDirectives().getOrDefault("filter", ""));
            }
        }
        return missing.toString();
    }
}
