package kz.qyzmet.auth.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;

import kz.qyzmet.auth.api.Session;
import kz.qyzmet.auth.api.SessionKind;
import kz.qyzmet.auth.api.SessionStage;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.rest.api.RequestAuthenticator;

/**
 * Works out who is behind a request: a bearer token (the app) or the session
 * cookie (the web, where every state-changing request must also carry the CSRF
 * token). The returned {@link Caller} names the identity and role, and the
 * {@link Session} rides along as a request property. Called by the platform's
 * request filter, between the correlation id and the access decision.
 */
public class AuthFilter implements RequestAuthenticator {
    static final String SESSION_COOKIE = "__Host-qyzmet-session";
    static final String CSRF_COOKIE = "__Host-qyzmet-csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String BEARER = "Bearer ";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /**
     * What a session may still do before its second factor, or before the new password §44 demands
     * (the dev outbox, where it exists, shows the session its own second-factor code).
     */
    private static final Set<String> ALWAYS_ALLOWED = Set.of("auth/session", "auth/logout", "dev/outbox");

    private final LiveSessions sessions;

    AuthFilter(LiveSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Caller authenticate(ContainerRequestContext request, Caller anonymous) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean bearer = authorization != null && authorization.startsWith(BEARER);
        Cookie cookie = request.getCookies().get(SESSION_COOKIE);
        String token = bearer ? authorization.substring(BEARER.length()).trim() : cookie == null ? null : cookie.getValue();
        if (token == null) {
            return anonymous;
        }
        Optional<LiveSessions.ResolvedSession> resolved = sessions.resolve(token, anonymous);
        if (resolved.isEmpty()) {
            return anonymous;
        }
        Session session = resolved.get().session();
        if (!bearer && session.kind() == SessionKind.WEB && !SAFE_METHODS.contains(request.getMethod())) {
            String csrf = request.getHeaderString(CSRF_HEADER);
            if (csrf == null || !Secrets.same(resolved.get().csrfHash(), Secrets.sha256(csrf))) {
                throw new ProblemException(403, AuthProblems.CSRF, LocalizedText.of(
                        "Сұрауда " + CSRF_HEADER + " тақырыбы жоқ немесе қате.",
                        "В запросе нет заголовка " + CSRF_HEADER + " или он неверен.",
                        "The request lacks a valid " + CSRF_HEADER + " header."));
            }
        }
        request.setProperty(Session.ATTRIBUTE, session);
        Caller caller = new Caller(session.login(), session.role().id(), anonymous.address(), anonymous.userAgent(),
                anonymous.correlationId());
        if (!request.getUriInfo().getBaseUri().getPath().startsWith(kz.qyzmet.rest.api.Api.BASE_PATH)) {
            // a web page (issue #14): the page itself leads a session that still owes its second factor or a new
            // password to the page that asks for it; only the API refuses
            return caller;
        }
        String path = relative(request.getUriInfo().getPath());
        if (session.stage() == SessionStage.SECOND_FACTOR && !ALWAYS_ALLOWED.contains(path)
                && !path.equals("auth/login/second-factor")) {
            throw new ProblemException(403, AuthProblems.SECURITY_SESSION_REQUIRED, LocalizedText.of(
                    "Алдымен SMS арқылы келген кодты енгізіңіз.", "Сначала введите код из SMS.",
                    "Enter the code sent by SMS first."));
        }
        if (session.passwordChangeRequired() && !ALWAYS_ALLOWED.contains(path) && !path.equals("auth/password")) {
            throw new ProblemException(403, AuthProblems.PASSWORD_CHANGE_REQUIRED, LocalizedText.of(
                    "Қауіпсіздік үшін құпиясөз қалпына келтірілді: жалғастыру алдында жаңасын орнатыңыз.",
                    "Пароль сброшен в целях безопасности: перед продолжением установите новый.",
                    "Your password was reset for security: set a new one before you continue."),
                    Map.of("setPassword", "/api/v1/auth/password"), Map.of());
        }
        return caller;
    }

    private static String relative(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return relative.endsWith("/") ? relative.substring(0, relative.length() - 1) : relative;
    }
}
