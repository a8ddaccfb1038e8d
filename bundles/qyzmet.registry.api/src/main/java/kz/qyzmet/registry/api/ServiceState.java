package kz.qyzmet.registry.api;

/** Runtime state an operator gives a service. */
public enum ServiceState {
    ENABLED,
    /** Switched off, with a reason the client is told (rules §29). */
    DISABLED,
    /** Temporarily unavailable for maintenance. */
    MAINTENANCE
}
