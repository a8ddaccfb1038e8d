package kz.qyzmet.auth.api;

import java.time.Instant;
import java.util.function.Function;

import kz.qyzmet.common.api.Language;

/**
 * An authenticated session as it stands for the current request.
 *
 * @param id               public id of the session (never the token)
 * @param identityId       the identity logged in
 * @param login            its login, as recorded in the audit journal
 * @param role             its role
 * @param clientId         the client record of a client identity, otherwise {@code null}
 * @param language         the identity's language for messages it receives
 * @param kind             web or app
 * @param stage            login or security session (§21)
 * @param securityMethod   how the security session was opened, {@code null} before
 * @param passwordChangeRequired the identity must set a new password before anything else (§44)
 * @param openedAt         when the session was opened
 */
public record Session(String id, String identityId, String login, Role role, String clientId, Language language,
        SessionKind kind, SessionStage stage, SecurityMethod securityMethod, boolean passwordChangeRequired,
        Instant openedAt) {

    /** Request attribute (and JAX-RS request property) under which the platform keeps the session. */
    public static final String ATTRIBUTE = "kz.qyzmet.auth.api.Session";

    public boolean isSecurity() {
        return stage == SessionStage.SECURITY;
    }

    /**
     * The session of a client for the current request: 401 (problem) without a
     * login, 403 for a staff identity, which has no personal account.
     */
    public static Session requireClient(Function<String, Object> attributes) {
        Session session = from(attributes);
        if (session == null) {
            throw SessionProblems.loginRequired();
        }
        if (session.clientId() == null) {
            throw SessionProblems.clientsOnly();
        }
        return session;
    }

    /** The session of the current request, e.g. {@code Session.from(httpServletRequest::getAttribute)}; null when anonymous. */
    public static Session from(Function<String, Object> attributes) {
        return attributes.apply(ATTRIBUTE) instanceof Session session ? session : null;
    }
}
