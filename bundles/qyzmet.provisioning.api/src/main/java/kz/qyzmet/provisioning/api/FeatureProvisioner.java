package kz.qyzmet.provisioning.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Installs and removes whole features while the platform runs. */
@ProviderType
public interface FeatureProvisioner {

    /** Every feature the platform can run, with whether and why it runs. */
    List<FeatureState> features();

    /**
     * Installs and starts every bundle of the feature (and of the features it
     * includes) that is not running yet, and remembers it across restarts.
     * Installing a running feature changes nothing.
     *
     * @throws ProvisioningException naming the reason, e.g. an unknown feature or a bundle that does not start
     */
    FeatureState install(String name);

    /**
     * Removes a feature installed at runtime: uninstalls its bundles that no other
     * running feature needs. Features the platform was started with cannot be removed.
     *
     * @throws ProvisioningException naming the reason
     */
    FeatureState uninstall(String name);
}
