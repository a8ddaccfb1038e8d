package kz.qyzmet.registry.api;

import java.time.Instant;

import kz.qyzmet.common.api.LocalizedText;

/**
 * A service's runtime state. {@code reason} is set for DISABLED and MAINTENANCE;
 * {@code changedAt}/{@code changedBy} are null while nobody ever changed it.
 */
public record ServiceStatus(ServiceState state, LocalizedText reason, Instant changedAt, String changedBy) {
    public static final ServiceStatus INITIAL = new ServiceStatus(ServiceState.ENABLED, null, null, null);

    public boolean isAvailable() {
        return state == ServiceState.ENABLED;
    }
}
