package kz.qyzmet.registry.api;

/** A service installed on the platform: its descriptor, the bundle that provides it, and its state. */
public record RegisteredService(ServiceDescriptor descriptor, String bundle, String version, ServiceStatus status) {
}
