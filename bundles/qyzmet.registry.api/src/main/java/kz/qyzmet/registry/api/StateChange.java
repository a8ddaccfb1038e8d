package kz.qyzmet.registry.api;

import kz.qyzmet.common.api.LocalizedText;

/** An operator's request to change a service's state; a reason in all three languages is required unless enabling. */
public record StateChange(ServiceState state, LocalizedText reason) {
}
