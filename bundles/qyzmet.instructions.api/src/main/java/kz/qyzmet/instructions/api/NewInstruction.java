package kz.qyzmet.instructions.api;

import java.util.Map;
import java.util.Objects;

import kz.qyzmet.common.api.LocalizedText;

/**
 * What a service asks the client to confirm.
 *
 * @param serviceId  the electronic service ({@code @ElectronicService(id)})
 * @param kind       the kind of instruction within the service, e.g. {@code account-extract}
 * @param account    the personal account it concerns, or null
 * @param parameters its details as JSON values (strings, integers, booleans, lists, maps); amounts as
 *                   decimal strings so the canonical form is exact
 * @param summary    one line the code message shows (dynamic linking, §25.2), e.g. "Extract of DEMO-0001 as of 25.11.2026"
 */
public record NewInstruction(String serviceId, String kind, String account, Map<String, Object> parameters,
        LocalizedText summary) {
    public NewInstruction {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(summary, "summary");
        // null values are allowed (an absent "as of" means now): Map.copyOf would refuse them
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }
}
