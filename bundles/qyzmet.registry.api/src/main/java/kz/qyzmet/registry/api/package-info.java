/**
 * The electronic service registry: services declare themselves with
 * {@link kz.qyzmet.registry.api.ElectronicService}; the registry lists them in the
 * public catalog (rules §17) and keeps their runtime state (rules §29).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package kz.qyzmet.registry.api;
