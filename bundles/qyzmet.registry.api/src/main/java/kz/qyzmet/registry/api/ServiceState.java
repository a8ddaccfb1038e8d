package kz.qyzmet.registry.api;

/** Runtime state an operator gives a service. */
public enum ServiceState {
    ENABLED,
    /** Switched off, with a reason the client is told (rules §29). */
    DISABLED,
    /** Temporarily unavailable for maintenance. */
    MAINTENANCE,
    /**
     * Set by the platform, never by an operator: the bundle's schema failed to
     * migrate, so its services cannot work until an operator repairs it.
     */
    FAILED
}
