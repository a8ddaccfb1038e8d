package kz.qyzmet.rest.internal;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import kz.qyzmet.provisioning.api.FeatureProvisioner;
import kz.qyzmet.provisioning.api.FeatureState;

/**
 * Whether the platform can serve: the database answers, and every bundle of the
 * start-up features is active with every component of it satisfied (none waits
 * for a service that is missing, none failed to activate). Until it has been
 * ready once, every API path answers 503 (issue #11, item 15): no empty catalog,
 * no 401 for a valid session whose authenticator is not there yet. Afterwards
 * {@code /health/ready} keeps telling the truth for load balancers.
 */
@Component(service = Readiness.class)
public class Readiness {
    /** Where the launcher installs the bundles of a feature (see its BundleInstaller). */
    static final String LOCATION_PREFIX = "qyzmet:";

    private final BundleContext context;
    private volatile boolean everReady;
    private volatile long checkedAt;
    private volatile List<String> lastProblems = List.of("not checked yet");

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServiceComponentRuntime components;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile FeatureProvisioner features;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(qyzmet.datasource=main)")
    private volatile DataSource database;

    @Activate
    public Readiness(BundleContext context) {
        this.context = context;
    }

    /** Has the platform been ready at least once (then the start-up gate stays open). */
    boolean started() {
        if (!everReady && System.nanoTime() - checkedAt > 200_000_000L) {
            problems();
        }
        return everReady;
    }

    /** What keeps the platform from serving now; empty when ready. */
    synchronized List<String> problems() {
        List<String> problems = new ArrayList<>();
        DataSource current = database;
        if (current == null) {
            problems.add("no database connection pool");
        } else {
            try (Connection connection = current.getConnection()) {
                if (!connection.isValid(2)) {
                    problems.add("the database does not answer");
                }
            } catch (Exception e) {
                problems.add("the database does not answer");
            }
        }
        Set<Long> startup = startupBundles();
        for (Bundle bundle : context.getBundles()) {
            if (!startup.contains(bundle.getBundleId()) || bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            if (bundle.getState() != Bundle.ACTIVE) {
                problems.add("bundle " + bundle.getSymbolicName() + " is not active");
            }
        }
        ServiceComponentRuntime runtime = components;
        if (runtime == null) {
            problems.add("no component runtime");
        } else {
            for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs()) {
                if (!startup.contains(description.bundle.id) || !description.defaultEnabled) {
                    continue;
                }
                for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
                    if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION
                            || configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                                    && !waitsOnlyForTheLauncher(configuration)) {
                        problems.add("bundle " + bundleName(description.bundle.id) + ": a component is not satisfied");
                    }
                }
            }
        }
        checkedAt = System.nanoTime();
        lastProblems = List.copyOf(problems);
        if (problems.isEmpty()) {
            everReady = true;
        }
        return lastProblems;
    }

    /**
     * The feature provisioner is the launcher's: a framework started without it (a test
     * container) has none to wait for, and what only lacks it is not a reason to refuse.
     */
    private boolean waitsOnlyForTheLauncher(ComponentConfigurationDTO configuration) {
        if (features != null || configuration.unsatisfiedReferences == null) {
            return false;
        }
        for (org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO reference : configuration.unsatisfiedReferences) {
            boolean launcher = false;
            for (org.osgi.service.component.runtime.dto.ReferenceDTO declared : configuration.description.references) {
                if (declared.name.equals(reference.name) && FeatureProvisioner.class.getName().equals(declared.interfaceName)) {
                    launcher = true;
                }
            }
            if (!launcher) {
                return false;
            }
        }
        return true;
    }

    private String bundleName(long id) {
        Bundle bundle = context.getBundle(id);
        return bundle == null ? String.valueOf(id) : bundle.getSymbolicName();
    }

    /** READY or NOT_READY, and what keeps the platform from being ready. */
    public record Report(String status, List<String> problems) {
    }

    Report report() {
        List<String> problems = problems();
        return new Report(problems.isEmpty() ? "READY" : "NOT_READY", problems);
    }

    /** The start-up features' bundles; without the launcher's provisioner (tests), every bundle there is. */
    private Set<Long> startupBundles() {
        Set<Long> ids = new HashSet<>();
        FeatureProvisioner provisioner = features;
        if (provisioner == null) {
            for (Bundle bundle : context.getBundles()) {
                ids.add(bundle.getBundleId());
            }
            return ids;
        }
        for (FeatureState feature : provisioner.features()) {
            if (feature.origin() != FeatureState.Origin.STARTUP) {
                continue;
            }
            for (String bundle : feature.bundles()) {
                Bundle installed = context.getBundle(LOCATION_PREFIX + bundle);
                ids.add(installed == null ? -1L : installed.getBundleId());
            }
        }
        return ids;
    }
}
