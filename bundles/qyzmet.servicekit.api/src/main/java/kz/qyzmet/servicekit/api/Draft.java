package kz.qyzmet.servicekit.api;

import java.util.Objects;

import kz.qyzmet.common.api.LocalizedText;

/**
 * A checked request, ready to be confirmed.
 *
 * @param kind    the kind of instruction within the service (the document kind it produces, say)
 * @param account the personal account it concerns, or null
 * @param request the completed request: stored as the instruction's parameters and bound to the code
 * @param summary the line the confirmation message shows the client (dynamic linking, §25.2)
 */
public record Draft<R extends Record>(String kind, String account, R request, LocalizedText summary) {
    public Draft {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(summary, "summary");
    }
}
