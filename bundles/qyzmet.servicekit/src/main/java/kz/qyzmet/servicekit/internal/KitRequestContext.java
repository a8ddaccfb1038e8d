package kz.qyzmet.servicekit.internal;

import java.time.Instant;
import java.util.Optional;

import kz.qyzmet.auth.api.Session;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.Requests;
import kz.qyzmet.servicekit.api.RequestContext;

/** The one request context of the kit: a client's own call, or a manager's on the client's behalf (§35.3). */
record KitRequestContext(String clientId, Optional<Session> session, Caller caller, Language language, Instant now)
        implements RequestContext {

    static KitRequestContext of(Session session, Caller caller, Language language, Instant now) {
        return new KitRequestContext(session.clientId(), Optional.of(session), caller, language, now);
    }

    /** The check of a stored or manager-prepared request: nobody's session, the platform's default language. */
    static KitRequestContext onBehalfOf(String clientId, Instant now) {
        return new KitRequestContext(clientId, Optional.empty(), new Caller(clientId, "client", "", "", ""),
                Language.DEFAULT, now);
    }

    @Override
    public Language documentLanguage(String field, String requested) {
        if (requested == null || requested.isBlank()) {
            return session.map(Session::language).orElse(language);
        }
        Language chosen = Language.fromTag(requested.trim());
        if (chosen == null) {
            throw Requests.invalid(field, LocalizedText.of("{field}: kk, ru немесе en.", "{field}: kk, ru или en.",
                    "{field}: kk, ru or en.").format(java.util.Map.of("field", field)));
        }
        return chosen;
    }
}
