package kz.qyzmet.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;

import kz.qyzmet.launcher.FeatureBundles.ResolvedBundle;

/** Installs resolved feature bundles under stable locations and starts them, naming every failure. */
final class BundleInstaller {
    static final String LOCATION_PREFIX = "qyzmet:";

    private BundleInstaller() {
    }

    static String location(ResolvedBundle bundle) {
        return LOCATION_PREFIX + bundle.mavenId();
    }

    /** Installs the bundles not installed yet; returns those it installed. */
    static List<Bundle> installMissing(BundleContext context, List<ResolvedBundle> bundles) throws IOException, BundleException {
        List<Bundle> added = new ArrayList<>();
        for (ResolvedBundle bundle : bundles) {
            if (context.getBundle(location(bundle)) == null) {
                try (InputStream in = bundle.location().openStream()) {
                    added.add(context.installBundle(location(bundle), in));
                }
            }
        }
        return added;
    }

    /** The HTTP server: started last, so its listener opens on a platform whose bundles all run. */
    static final String HTTP_SERVER = "org.apache.felix.http.jetty12";

    /** Starts every bundle that is not a fragment, the HTTP server last; one line per bundle that did not start. */
    static List<String> start(List<Bundle> bundles) {
        List<String> failures = new ArrayList<>();
        List<Bundle> ordered = new ArrayList<>(bundles);
        ordered.sort(java.util.Comparator.comparing(bundle -> HTTP_SERVER.equals(bundle.getSymbolicName())));
        for (Bundle bundle : ordered) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                try {
                    bundle.start();
                } catch (BundleException e) {
                    failures.add(bundle.getSymbolicName() + ": " + e.getMessage());
                }
            }
        }
        return failures;
    }
}
