package kz.qyzmet.auth.internal;

import kz.qyzmet.rest.api.Answer;
import java.time.Duration;
import java.time.Instant;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import kz.qyzmet.auth.api.SecurityMethod;
import kz.qyzmet.auth.api.Session;
import kz.qyzmet.auth.api.SessionKind;
import kz.qyzmet.auth.api.SessionStage;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.Requests;

/**
 * {@code /api/v1/auth}: login (identifier + password, or phone + code), the
 * staff second factor, the three ways into a security session (§35), logout
 * (§38), password change, activation and recovery (§22), and the client's own
 * suspension of services (§27). Web sessions travel in a {@code __Host-} cookie
 * (HttpOnly, Secure, SameSite=Strict) with a CSRF token; app sessions as bearer
 * tokens.
 */
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {
    private static final String SET_COOKIE = "Set-Cookie";
    private static final Accepted ACCEPTED = new Accepted("accepted");

    private final AuthStore store;
    private final Logins logins;
    private final SecuritySessions security;
    private final LiveSessions sessions;
    private final Passwords passwords;
    private final Identities identities;

    @Context
    HttpServletRequest request;

    AuthResource(AuthStore store, Logins logins, SecuritySessions security, LiveSessions sessions, Passwords passwords,
            Identities identities) {
        this.store = store;
        this.logins = logins;
        this.security = security;
        this.sessions = sessions;
        this.passwords = passwords;
        this.identities = identities;
    }

    public record LoginRequest(String identifier, String password, String client) {
    }

    public record PhoneRequest(String phone) {
    }

    public record PhoneLoginRequest(String phone, String code, String client) {
    }

    public record CodeRequest(String code) {
    }

    public record SecurityCodeRequest(String channel) {
    }

    public record SecuritySessionRequest(String code, Boolean biometrics) {
    }

    public record QrApproval(String content) {
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    public record RecoveryRequest(String identifier, String channel) {
    }

    public record CodePasswordRequest(String identifier, String code, String newPassword) {
    }

    /** A session as its owner sees it; {@code identityId} is the address push messages to the app use. */
    public record SessionView(String id, String identityId, String login, String role, String clientId, String kind, String stage,
            SecurityMethod securityMethod, boolean passwordChangeRequired, Instant openedAt) {
        static SessionView of(Session session) {
            return new SessionView(session.id(), session.identityId(), session.login(), session.role().id(), session.clientId(),
                    session.kind().name().toLowerCase(), session.stage().name().toLowerCase(), session.securityMethod(),
                    session.passwordChangeRequired(), session.openedAt());
        }
    }

    /** The answer to a login: the token for the app, the CSRF token for the web (the session itself is the cookie). */
    public record LoginAnswer(SessionView session, String token, String csrfToken, Instant expiresAt, String next) {
    }

    public record QrView(String id, String content, String svg, Instant expiresAt) {
    }

    /** A poll's answer; the first one after the approval carries the new CSRF token (the new session cookie is set). */
    public record QrStateView(String state, String csrfToken) {
    }

    public record CodeSent(String channel, Instant expiresAt) {
    }

    /** The request is taken; what follows arrives by SMS or e-mail (the same answer whether the account exists, §22). */
    public record Accepted(String status) {
    }

    @POST
    @Path("login")
    @Answer(status = 200, body = LoginAnswer.class)
    public Response login(LoginRequest login) {
        Requests.required(login, "body");
        SessionKind kind = kind(login.client());
        return withSession(logins.login(Requests.required(login.identifier(), "identifier"),
                Requests.required(login.password(), "password"), kind, caller()));
    }

    @POST
    @Path("login/code")
    @Answer(status = 202, body = Accepted.class)
    public Response requestLoginCode(PhoneRequest phone) {
        Requests.required(phone, "body");
        logins.requestLoginCode(Requests.required(phone.phone(), "phone"), caller());
        return Response.accepted(ACCEPTED).build();
    }

    @POST
    @Path("login/phone")
    @Answer(status = 200, body = LoginAnswer.class)
    public Response loginWithCode(PhoneLoginRequest login) {
        Requests.required(login, "body");
        return withSession(logins.loginWithCode(Requests.required(login.phone(), "phone"),
                Requests.required(login.code(), "code"), kind(login.client()), caller()));
    }

    @POST
    @Path("login/second-factor")
    @Answer(status = 200, body = LoginAnswer.class)
    public Response secondFactor(CodeRequest code) {
        Requests.required(code, "body");
        return withSession(security.secondFactor(session(), Requests.required(code.code(), "code"), caller()));
    }

    @GET
    @Path("session")
    public SessionView currentSession() {
        return SessionView.of(session());
    }

    @POST
    @Path("logout")
    @Answer(status = 204)
    public Response logout() {
        sessions.logout(session(), caller());
        return Response.noContent().header(SET_COOKIE, expired(AuthFilter.SESSION_COOKIE, true))
                .header(SET_COOKIE, expired(AuthFilter.CSRF_COOKIE, false)).build();
    }

    @POST
    @Path("security-session/code")
    @Answer(status = 202, body = CodeSent.class)
    public Response requestSecurityCode(SecurityCodeRequest body) {
        SecuritySessions.ConfirmationChallengeSent sent = security.requestSecurityCode(session(),
                body == null ? null : body.channel(), caller());
        return Response.accepted(new CodeSent(sent.channel(), sent.expiresAt())).build();
    }

    @POST
    @Path("security-session")
    @Answer(status = 200, body = LoginAnswer.class)
    public Response openSecuritySession(SecuritySessionRequest body) {
        Requests.required(body, "body");
        return withSession(security.openSecuritySession(session(), Requests.required(body.code(), "code"),
                Boolean.TRUE.equals(body.biometrics()), caller()));
    }

    @POST
    @Path("security-session/qr")
    public QrView createQr() {
        SecuritySessions.QrChallenge qr = security.createQr(session(), caller());
        return new QrView(qr.id(), qr.content(), QrCodes.svg(qr.content()), qr.expiresAt());
    }

    @GET
    @Path("security-session/qr/{id}")
    @Answer(status = 200, body = QrStateView.class)
    public Response qrState(@PathParam("id") String id) {
        SecuritySessions.QrPoll poll = security.qrState(session(), id, caller());
        String state = poll.state().name().toLowerCase();
        if (poll.elevated() == null) {
            return Response.ok(new QrStateView(state, null)).build();
        }
        return withCookies(Response.ok(new QrStateView(state, poll.elevated().csrfToken())), poll.elevated()).build();
    }

    @POST
    @Path("security-session/qr/approve")
    @Answer(status = 204)
    public Response approveQr(QrApproval approval) {
        Requests.required(approval, "body");
        security.approveQr(session(), Requests.required(approval.content(), "content"), caller());
        return Response.noContent().build();
    }

    @POST
    @Path("password")
    @Answer(status = 204)
    public Response changePassword(PasswordChange change) {
        Requests.required(change, "body");
        passwords.changePassword(session(), change.currentPassword(), Requests.required(change.newPassword(), "newPassword"),
                caller());
        return Response.noContent().build();
    }

    @POST
    @Path("recovery")
    @Answer(status = 202, body = Accepted.class)
    public Response requestRecovery(RecoveryRequest recovery) {
        Requests.required(recovery, "body");
        passwords.requestRecovery(Requests.required(recovery.identifier(), "identifier"), recovery.channel(), caller());
        return Response.accepted(ACCEPTED).build();
    }

    @POST
    @Path("recovery/complete")
    @Answer(status = 204)
    public Response completeRecovery(CodePasswordRequest recovery) {
        Requests.required(recovery, "body");
        passwords.completeRecovery(Requests.required(recovery.identifier(), "identifier"), Requests.required(recovery.code(), "code"),
                Requests.required(recovery.newPassword(), "newPassword"), caller());
        return Response.noContent().build();
    }

    @POST
    @Path("activation")
    @Answer(status = 204)
    public Response activate(CodePasswordRequest activation) {
        Requests.required(activation, "body");
        passwords.activate(Requests.required(activation.identifier(), "identifier"), Requests.required(activation.code(), "code"),
                Requests.required(activation.newPassword(), "newPassword"), caller());
        return Response.noContent().build();
    }

    /** §27, §28: the client suspends all their services; effective immediately. */
    @POST
    @Path("suspension")
    @Answer(status = 204)
    public Response suspend() {
        identities.suspendSelf(session(), caller());
        return Response.noContent().header(SET_COOKIE, expired(AuthFilter.SESSION_COOKIE, true))
                .header(SET_COOKIE, expired(AuthFilter.CSRF_COOKIE, false)).build();
    }

    /**
     * Every answer that opens a session or moves it to another stage carries
     * its (new) token: in the body for the app, as cookies for the web, whose
     * page reads the CSRF token from the body.
     */
    private Response withSession(Logins.LoginOutcome outcome) {
        Session session = outcome.session();
        String next = session.stage() == SessionStage.SECOND_FACTOR ? "second-factor"
                : session.passwordChangeRequired() ? "set-password"
                : session.isSecurity() ? null : "security-session";
        if (session.kind() == SessionKind.APP) {
            return Response.ok(new LoginAnswer(SessionView.of(session), outcome.token(), null, outcome.expiresAt(), next))
                    .build();
        }
        return withCookies(Response.ok(new LoginAnswer(SessionView.of(session), null, outcome.csrfToken(),
                outcome.expiresAt(), next)), outcome).build();
    }

    private Response.ResponseBuilder withCookies(Response.ResponseBuilder answer, Logins.LoginOutcome outcome) {
        if (outcome.session().kind() != SessionKind.WEB) {
            return answer;
        }
        int maxAge = (int) Math.max(0, Duration.between(store.now(), outcome.expiresAt()).getSeconds());
        return answer.header(SET_COOKIE, cookie(AuthFilter.SESSION_COOKIE, outcome.token(), maxAge, true))
                .header(SET_COOKIE, cookie(AuthFilter.CSRF_COOKIE, outcome.csrfToken(), maxAge, false));
    }

    /** {@code __Host-} cookies: Secure, Path=/, no Domain; SameSite=Strict. The CSRF one is readable by the page. */
    static String cookie(String name, String value, int maxAge, boolean httpOnly) {
        return name + "=" + value + "; Path=/; Max-Age=" + maxAge + "; Secure" + (httpOnly ? "; HttpOnly" : "")
                + "; SameSite=Strict";
    }

    private static String expired(String name, boolean httpOnly) {
        return cookie(name, "", 0, httpOnly);
    }

    private static SessionKind kind(String client) {
        if (client == null || client.equalsIgnoreCase("web")) {
            return SessionKind.WEB;
        }
        if (client.equalsIgnoreCase("app")) {
            return SessionKind.APP;
        }
        throw Requests.invalid("client", LocalizedText.of("client өрісі: web немесе app.", "Поле client: web или app.",
                "The client field must be web or app."));
    }

    private Session session() {
        Session session = Session.from(request::getAttribute);
        if (session == null) {
            throw AuthProblems.sessionRequired();
        }
        return session;
    }

    private Caller caller() {
        return Caller.from(request::getAttribute);
    }
}
