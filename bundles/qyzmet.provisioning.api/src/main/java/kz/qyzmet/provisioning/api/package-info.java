/**
 * Feature provisioning: the features (OSGi Features, one per capability) the
 * platform knows, which of them run, and installing or removing a whole feature
 * at runtime. The launcher provides {@link kz.qyzmet.provisioning.api.FeatureProvisioner}
 * as a service of the system bundle, since it owns the bundle repository.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package kz.qyzmet.provisioning.api;
