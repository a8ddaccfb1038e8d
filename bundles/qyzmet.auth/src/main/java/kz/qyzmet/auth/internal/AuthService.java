package kz.qyzmet.auth.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.apache.ibatis.session.SqlSession;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.auth.api.Confirmation;
import kz.qyzmet.auth.api.ConfirmationChallenge;
import kz.qyzmet.auth.api.ConfirmationRequest;
import kz.qyzmet.auth.api.OperationConfirmations;
import kz.qyzmet.auth.api.OtpChannel;
import kz.qyzmet.auth.api.OtpMessage;
import kz.qyzmet.auth.api.Role;
import kz.qyzmet.auth.api.SecurityMethod;
import kz.qyzmet.auth.api.Session;
import kz.qyzmet.auth.api.SessionKind;
import kz.qyzmet.auth.api.SessionProblems;
import kz.qyzmet.auth.api.SessionStage;
import kz.qyzmet.auth.api.Sessions;
import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.persistence.api.Persistence;
import kz.qyzmet.rest.api.AddressRanges;
import kz.qyzmet.rest.api.Caller;
import kz.qyzmet.rest.api.CommonProblems;
import kz.qyzmet.rest.api.Language;
import kz.qyzmet.rest.api.LocalizedText;
import kz.qyzmet.rest.api.ProblemException;

/**
 * Identities, passwords, one-time codes, sessions and lockouts (rules §20–§26,
 * §34–§44). All state is in the database, so every node enforces the same locks
 * and sees the same sessions. Failures that count towards a lock are committed
 * in their own transaction before the refusal is thrown, so a refusal can never
 * roll its own counting back.
 */
@Component(service = { AuthService.class, Sessions.class, OperationConfirmations.class },
        configurationPid = AuthService.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AuthConfiguration.class)
public class AuthService implements Sessions, OperationConfirmations {
    static final String PID = "kz.qyzmet.auth";
    static final String DATA_DIR = "qyzmet.data.dir";
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
    private static final Duration TOUCH_INTERVAL = Duration.ofSeconds(30);
    private static final String ACTIVE = "ACTIVE";
    private static final String PENDING = "PENDING";
    private static final String SUSPENDED = "SUSPENDED";

    private final Database database;
    private final AuditJournal audit;
    private final AuthConfiguration config;
    private final PasswordHasher hasher;
    private final AddressRanges allowList;
    /** Client numbers as the ledger and client records know them (a UUID, DEMO-0001, …). */
    private static final java.util.regex.Pattern CLIENT_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private final byte[] codeKey;
    private final OffPath offPath = new OffPath("qyzmet-auth-off-path");
    private final Map<OtpChannel, ChannelRegistration> channels = new ConcurrentHashMap<>();

    /** Dynamic and greedy: a test (or an operator's time source) with a higher ranking takes over without a restart. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Clock clock;

    private record ChannelRegistration(List<String> channels, int ranking) {
    }

    /** What a login produced: the session, and the secrets the client receives exactly once. */
    record LoginOutcome(Session session, String token, String csrfToken, Instant expiresAt) {
    }

    /** A QR code shown by the web cabinet (§35.2). */
    record QrChallenge(String id, String content, Instant expiresAt) {
    }

    enum QrState {
        PENDING, APPROVED, EXPIRED
    }

    /** A session found by its token, with the CSRF token hash the web needs checked. */
    record ResolvedSession(Session session, byte[] csrfHash) {
    }

    @Activate
    public AuthService(@Reference Persistence persistence, @Reference AuditJournal audit, BundleContext context,
            AuthConfiguration config) throws IOException {
        this.database = persistence.open(context.getBundle(), "auth", AuthMapper.class);
        this.audit = audit;
        this.config = config;
        this.hasher = new PasswordHasher(config.argon2_memory_kib(), config.argon2_iterations(), config.argon2_parallelism());
        this.allowList = AddressRanges.parse(config.address_allow_list());
        this.codeKey = codeKey(config, context);
    }

    @Deactivate
    void close() {
        offPath.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addChannel(OtpChannel channel, Map<String, Object> properties) {
        Object names = properties.get(OtpChannel.CHANNEL_PROPERTY);
        List<String> served = names instanceof String[] array ? List.of(array)
                : names == null ? List.of() : List.of(String.valueOf(names));
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        channels.put(channel, new ChannelRegistration(served, ranking instanceof Integer value ? value : 0));
    }

    void removeChannel(OtpChannel channel) {
        channels.remove(channel);
    }

    AuthConfiguration configuration() {
        return config;
    }

    Instant now() {
        return clock.instant();
    }

    // ------------------------------------------------------------------ login (§21, §25.1, §34)

    /** Identifier (login, e-mail or phone) and password (§20, §34). Staff get a second-factor code (§35). */
    LoginOutcome login(String typedIdentifier, String password, SessionKind kind, Caller origin) {
        Instant now = now();
        Identifiers.Identifier identifier = Identifiers.parse(typedIdentifier);
        byte[] identifierHash = Secrets.sha256(identifier == null ? String.valueOf(typedIdentifier) : identifier.value());
        IdentityRow identity = identifier == null ? null : read(mapper -> find(mapper, identifier));
        refuseBlockedAddress(origin, now);
        if (identity == null) {
            // §22: an unknown identifier costs the same hash and locks after the same failures as a known one
            refuseUnknownLocked(identifierHash, origin, now);
            hasher.verifyDecoy(password);
            throw unknownIdentifierFailed(origin, identifierHash, now, invalidCredentials());
        }
        refuseLocked(identity, origin, identifierHash, now);
        if (!hasher.verify(password == null ? "" : password, identity.passwordHash)) {
            failedLogin(origin, identifierHash, identity, identity.passwordHash == null ? "no-password" : "wrong-password", now);
            throw lockedOr(identity, invalidCredentials());
        }
        refuseSuspended(identity, origin);
        if (hasher.needsRehash(identity.passwordHash)) {
            String fresh = hasher.hash(password);
            write(mapper -> {
                mapper.setPassword(identity.id, fresh, utc(now), identity.passwordChangeRequired);
                return null;
            });
        }
        Role role = Role.of(identity.role);
        LoginOutcome outcome = succeededLogin(identity, identifierHash, kind,
                role.isStaff() ? SessionStage.SECOND_FACTOR : SessionStage.LOGIN, origin, "password", now);
        if (role.isStaff()) {
            issueCode(identity, CodePurpose.SECOND_FACTOR, outcome.session().id(), null, OtpChannel.SMS, lifetime(), origin);
        }
        return outcome;
    }

    /** §25.1: phone number, then a one-time code to it. The answer is the same whether the phone is known or not. */
    void requestLoginCode(String typedPhone, Caller origin) {
        Instant now = now();
        String phone = Identifiers.phone(typedPhone);
        if (phone == null) {
            throw invalidField("phone", LocalizedText.of("Телефон нөмірі халықаралық форматта болуы керек, мысалы +77011234567.",
                    "Номер телефона должен быть в международном формате, например +77011234567.",
                    "The phone number must be in international format, e.g. +77011234567."));
        }
        refuseBlockedAddress(origin, now);
        // like recovery: whether the phone is known must not show in the answer's timing
        offPath.submit("login-code", () -> sendLoginCode(phone, origin));
    }

    private void sendLoginCode(String phone, Caller origin) {
        Instant now = now();
        IdentityRow identity = read(mapper -> mapper.identityByPhone(phone));
        if (identity == null || !ACTIVE.equals(identity.status) || Role.of(identity.role).isStaff() || isLocked(identity, now)) {
            journal("auth.login-code.not-sent", identity == null ? "unknown" : identity.id, origin)
                    .detail("reason", identity == null ? "unknown-phone" : "not-eligible").record();
            return;
        }
        quietly(() -> issueCode(identity, CodePurpose.LOGIN, null, null, OtpChannel.SMS, lifetime(), origin), identity, origin);
    }

    LoginOutcome loginWithCode(String typedPhone, String code, SessionKind kind, Caller origin) {
        Instant now = now();
        String phone = Identifiers.phone(typedPhone);
        byte[] identifierHash = Secrets.sha256(phone == null ? String.valueOf(typedPhone) : phone);
        IdentityRow identity = phone == null ? null : read(mapper -> mapper.identityByPhone(phone));
        refuseBlockedAddress(origin, now);
        if (identity == null || Role.of(identity.role).isStaff()) {
            refuseUnknownLocked(identifierHash, origin, now);
            throw unknownIdentifierFailed(origin, identifierHash, now, codeInvalid());
        }
        refuseLocked(identity, origin, identifierHash, now);
        CodeCheck check = checkLatestCode(identity, CodePurpose.LOGIN, code, now);
        if (check != CodeCheck.OK) {
            failedLogin(origin, identifierHash, check == CodeCheck.WRONG ? identity : null, "code-" + check.name().toLowerCase(), now);
            throw lockedOr(identity, codeInvalid());
        }
        refuseSuspended(identity, origin);
        return succeededLogin(identity, identifierHash, kind, SessionStage.LOGIN, origin, "phone-code", now);
    }

    /** Staff: the code sent at login turns the pending session into a security session (with a new token). */
    LoginOutcome secondFactor(Session session, String code, Caller origin) {
        if (session.stage() != SessionStage.SECOND_FACTOR) {
            throw new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of("Екінші фактор қажет емес.",
                    "Второй фактор не требуется.", "No second factor is pending."));
        }
        Instant now = now();
        IdentityRow identity = read(mapper -> mapper.identity(session.identityId()));
        refuseLocked(identity, origin, null, now);
        CodeCheck check = checkSessionCode(identity, CodePurpose.SECOND_FACTOR, session.id(), code, now);
        if (check != CodeCheck.OK) {
            failedCode(identity, origin, CodePurpose.SECOND_FACTOR, check, now);
            throw lockedOr(identity, codeInvalid());
        }
        return elevate(session, SecurityMethod.STAFF_CODE, origin, now);
    }

    // ------------------------------------------------------------------ sessions (§36, §38)

    /** The live session of a token; ends (and records) a session whose idle or absolute time ran out. */
    Optional<ResolvedSession> resolve(String token, Caller origin) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = now();
        byte[] tokenHash = Secrets.sha256(token);
        SessionRow row = read(mapper -> mapper.sessionByToken(tokenHash));
        if (row == null) {
            return Optional.empty();
        }
        String expired = expiry(row, now);
        if (expired != null) {
            endSession(row.id, expired, origin, now);
            return Optional.empty();
        }
        if (Duration.between(row.lastSeenAt.toInstant(ZoneOffset.UTC), now).compareTo(TOUCH_INTERVAL) > 0) {
            write(mapper -> {
                mapper.touchSession(row.id, utc(now));
                return null;
            });
        }
        IdentityRow identity = read(mapper -> mapper.identity(row.identityId));
        return Optional.of(new ResolvedSession(session(row, identity), row.csrfHash));
    }

    @Override
    public Optional<Session> find(String sessionId) {
        Instant now = now();
        return Optional.ofNullable(read(mapper -> {
            SessionRow row = mapper.liveSession(sessionId);
            return row == null || expiry(row, now) != null ? null : session(row, mapper.identity(row.identityId));
        }));
    }

    private String expiry(SessionRow row, Instant now) {
        if (!now.isBefore(row.absoluteExpiry.toInstant(ZoneOffset.UTC))) {
            return "absolute-timeout";
        }
        Instant idleEnd = row.lastSeenAt.toInstant(ZoneOffset.UTC).plus(Duration.ofMinutes(config.session_idle_minutes()));
        return now.isBefore(idleEnd) ? null : "idle-timeout";
    }

    /** §38: logout ends the login session and with it the security session, at once, on every node. */
    void logout(Session session, Caller origin) {
        endSession(session.id(), "logout", origin, now());
    }

    private void endSession(String sessionId, String reason, Caller origin, Instant now) {
        write(mapper -> {
            int ended = mapper.endSession(sessionId, utc(now), reason);
            if (ended > 0) {
                journal("auth.session.closed", sessionId, origin).detail("reason", reason).record();
            }
            return ended;
        });
    }

    private int endAllSessions(String identityId, String reason, Caller origin, Instant now) {
        return write(mapper -> {
            int ended = mapper.endAllSessions(identityId, utc(now), reason);
            if (ended > 0) {
                journal("auth.sessions.closed", identityId, origin).detail("reason", reason).detail("sessions", ended).record();
            }
            return ended;
        });
    }

    // ------------------------------------------------------------------ security session (§35)

    /** §35.1, first step: the app asks for a code by SMS or push. */
    ConfirmationChallengeSent requestSecurityCode(Session session, String channel, Caller origin) {
        requireStage(session, SessionKind.APP, SessionStage.LOGIN);
        String via = OtpChannel.PUSH.equals(channel) ? OtpChannel.PUSH : OtpChannel.SMS;
        IdentityRow identity = read(mapper -> mapper.identity(session.identityId()));
        Instant expires = issueCode(identity, CodePurpose.SECURITY, session.id(), null, via, lifetime(), origin);
        return new ConfirmationChallengeSent(via, expires);
    }

    record ConfirmationChallengeSent(String channel, Instant expiresAt) {
    }

    /**
     * §35.1, second step: the code, and where the device has it, its local
     * biometrics — an extra factor recorded with the session, never a
     * replacement for the code (§25).
     */
    LoginOutcome openSecuritySession(Session session, String code, boolean biometrics, Caller origin) {
        requireStage(session, SessionKind.APP, SessionStage.LOGIN);
        Instant now = now();
        IdentityRow identity = read(mapper -> mapper.identity(session.identityId()));
        refuseLocked(identity, origin, null, now);
        CodeCheck check = checkSessionCode(identity, CodePurpose.SECURITY, session.id(), code, now);
        if (check != CodeCheck.OK) {
            failedCode(identity, origin, CodePurpose.SECURITY, check, now);
            throw lockedOr(identity, codeInvalid());
        }
        return elevate(session, biometrics ? SecurityMethod.APP_CODE_AND_BIOMETRICS : SecurityMethod.APP_CODE, origin, now);
    }

    /** §35.2: the web page asks for a QR code to show. */
    QrChallenge createQr(Session session, Caller origin) {
        requireStage(session, SessionKind.WEB, SessionStage.LOGIN);
        Instant now = now();
        QrRow row = new QrRow();
        row.id = UUID.randomUUID().toString();
        String secret = Secrets.token();
        row.secretHash = Secrets.sha256(secret);
        row.sessionId = session.id();
        row.identityId = session.identityId();
        row.createdAt = utc(now);
        row.expiresAt = utc(now.plusSeconds(config.qr_lifetime_seconds()));
        write(mapper -> {
            mapper.insertQr(row);
            journal("auth.qr.created", session.id(), origin).detail("qr", row.id).record();
            return null;
        });
        return new QrChallenge(row.id, QrCodes.content(row.id, secret), row.expiresAt.toInstant(ZoneOffset.UTC));
    }

    /** What a poll of the web page learns; an approval it claims carries the session's new token. */
    record QrPoll(QrState state, LoginOutcome elevated) {
    }

    /**
     * The web page polls: only the session that showed the code may ask. The
     * first poll after the app approved it takes the security stage, and with
     * it a new token (a token seen before the security session holds nothing).
     */
    QrPoll qrState(Session session, String qrId, Caller origin) {
        QrRow row = read(mapper -> mapper.qr(qrId));
        if (row == null || !row.sessionId.equals(session.id())) {
            throw new ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of("QR-код табылмады.",
                    "QR-код не найден.", "No such QR code."));
        }
        if (row.approvedAt != null && row.claimedAt == null && session.stage() == SessionStage.LOGIN) {
            Instant now = now();
            Rotation rotation = Rotation.of(session);
            boolean claimed = write(mapper -> {
                if (mapper.claimQr(row.id, utc(now)) == 0 || !elevated(mapper, session, rotation, SecurityMethod.QR, now)) {
                    return false;
                }
                journal("auth.security-session.opened", session.id(), origin).detail("method", SecurityMethod.QR.name())
                        .detail("qr", row.id).detail("approvedBySession", row.approvedBySession).record();
                return true;
            });
            if (claimed) {
                return new QrPoll(QrState.APPROVED, rotation.outcome(session, SecurityMethod.QR, expiry(session)));
            }
        }
        if (row.approvedAt != null) {
            return new QrPoll(QrState.APPROVED, null);
        }
        return new QrPoll(now().isBefore(row.expiresAt.toInstant(ZoneOffset.UTC)) ? QrState.PENDING : QrState.EXPIRED, null);
    }

    /**
     * §35.2: the app, itself in a security session of the same client, approves
     * the scanned code; the web session that showed it becomes a security session.
     */
    void approveQr(Session appSession, String content, Caller origin) {
        requireStage(appSession, SessionKind.APP, SessionStage.SECURITY);
        QrCodes.Parsed parsed = QrCodes.parse(content);
        Instant now = now();
        String refusal = write(mapper -> {
            QrRow row = parsed == null ? null : mapper.lockQr(parsed.id());
            if (row == null || !Secrets.same(row.secretHash, Secrets.sha256(parsed.secret()))) {
                return "unknown";
            }
            if (!row.identityId.equals(appSession.identityId())) {
                return "other-identity";
            }
            if (row.approvedAt != null) {
                return "already-approved";
            }
            if (!now.isBefore(row.expiresAt.toInstant(ZoneOffset.UTC))) {
                return "expired";
            }
            SessionRow web = mapper.liveSession(row.sessionId);
            if (web == null || !SessionStage.LOGIN.name().equals(web.stage)) {
                return "web-session-ended";
            }
            mapper.approveQr(row.id, utc(now), appSession.id());
            journal("auth.qr.approved", row.sessionId, origin).detail("qr", row.id)
                    .detail("approvedBySession", appSession.id()).record();
            return null;
        });
        if (refusal != null) {
            journal("auth.qr.refused", appSession.id(), origin).detail("reason", refusal).record();
            throw new ProblemException(400, AuthProblems.QR_INVALID, LocalizedText.of(
                    "QR-код жарамсыз, мерзімі өткен немесе басқа клиентке тиесілі. Беттегі жаңа кодты сканерлеңіз.",
                    "QR-код недействителен, истёк или принадлежит другому клиенту. Отсканируйте новый код со страницы.",
                    "The QR code is invalid, expired or belongs to another client. Scan a fresh code from the page."),
                    Map.of("reason", refusal), Map.of());
        }
    }

    /** The new secrets a session gets with a new stage; only their hashes are stored. */
    private record Rotation(String token, String csrfToken) {
        static Rotation of(Session session) {
            return new Rotation(Secrets.token(), session.kind() == SessionKind.WEB ? Secrets.token() : null);
        }

        LoginOutcome outcome(Session session, SecurityMethod method, Instant expiresAt) {
            return new LoginOutcome(new Session(session.id(), session.identityId(), session.login(), session.role(),
                    session.clientId(), session.language(), session.kind(), SessionStage.SECURITY, method,
                    session.passwordChangeRequired(), session.openedAt()), token, csrfToken, expiresAt);
        }
    }

    /**
     * A session that gains a stage (second factor, security session) is given a
     * new token and CSRF token in the same statement (ASVS V3.2.1): a token
     * observed before the step — in a log, a proxy, a shared screen — does not
     * carry the security session.
     */
    private boolean elevated(AuthMapper mapper, Session session, Rotation rotation, SecurityMethod method, Instant now) {
        return mapper.elevateSession(session.id(), session.stage().name(), SessionStage.SECURITY.name(), method.name(),
                utc(now), Secrets.sha256(rotation.token()),
                rotation.csrfToken() == null ? null : Secrets.sha256(rotation.csrfToken())) > 0;
    }

    private LoginOutcome elevate(Session session, SecurityMethod method, Caller origin, Instant now) {
        Rotation rotation = Rotation.of(session);
        boolean updated = write(mapper -> {
            boolean elevated = elevated(mapper, session, rotation, method, now);
            if (elevated) {
                journal("auth.security-session.opened", session.id(), origin).detail("method", method.name())
                        .detail("tokenRotated", true).record();
            }
            return elevated;
        });
        if (!updated) {
            throw sessionRequired();
        }
        return rotation.outcome(session, method, expiry(session));
    }

    private Instant expiry(Session session) {
        return session.openedAt().plus(Duration.ofHours(config.session_absolute_hours()));
    }

    // ------------------------------------------------------------------ per-operation confirmation (§25.2, §35.3)

    @Override
    public ConfirmationChallenge request(Session session, ConfirmationRequest request) {
        if (session == null || !session.isSecurity()) {
            throw securitySessionRequired();
        }
        validate(request);
        IdentityRow identity = read(mapper -> mapper.identity(session.identityId()));
        String channel = session.kind() == SessionKind.APP ? OtpChannel.PUSH : OtpChannel.SMS;
        Caller origin = new Caller(session.login(), session.role().id(), "", "", "");
        return challenge(identity, session.id(), request, null, channel, origin);
    }

    @Override
    public ConfirmationChallenge requestSignature(String clientId, ConfirmationRequest request, Caller manager) {
        if (manager == null || !isStaff(manager.role())) {
            throw new ProblemException(403, CommonProblems.FORBIDDEN, LocalizedText.of(
                    "Нұсқаманы тек менеджер дайындай алады.", "Подготовить поручение может только менеджер.",
                    "Only a manager can prepare an instruction."));
        }
        validate(request);
        IdentityRow identity = read(mapper -> mapper.identityByClient(clientId));
        if (identity == null || identity.phone == null || !ACTIVE.equals(identity.status)) {
            throw new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of(
                    "Клиенттің белсенді тіркелгісі мен тіркелген телефоны жоқ.",
                    "У клиента нет активной учётной записи с зарегистрированным телефоном.",
                    "The client has no active account with a registered phone."));
        }
        // §40: remote instructions are verified with a code to the registered phone
        return challenge(identity, null, request, manager.identity(), OtpChannel.SMS, manager);
    }

    private ConfirmationChallenge challenge(IdentityRow identity, String sessionId, ConfirmationRequest request,
            String preparedBy, String channel, Caller origin) {
        CodeRow row = newCode(identity, CodePurpose.CONFIRMATION, sessionId, channel, lifetime());
        row.subject = request.subject();
        row.digest = request.digest();
        row.preparedBy = preparedBy;
        Instant expires = sendCode(identity, row, request.summary(), origin);
        return new ConfirmationChallenge(row.id, row.subject, row.digest, channel, expires);
    }

    @Override
    public Confirmation confirm(Session session, String challengeId, String digest, String code) {
        return confirm(session, challengeId, digest, code, null);
    }

    @Override
    public Confirmation confirm(Session session, String challengeId, String digest, String code, Caller caller) {
        if (session == null || session.stage() == SessionStage.SECOND_FACTOR) {
            throw sessionRequired();
        }
        Instant now = now();
        // the record of a confirmation keeps where it came from (address, correlation id) when the caller is known
        Caller origin = caller != null ? caller : new Caller(session.login(), session.role().id(), "", "", "");
        IdentityRow identity = read(mapper -> mapper.identity(session.identityId()));
        refuseLocked(identity, origin, null, now);
        CodeRow[] found = new CodeRow[1];
        CodeCheck check = write(mapper -> {
            CodeRow row = challengeId == null ? null : mapper.lockCode(challengeId);
            if (row == null || !CodePurpose.CONFIRMATION.name().equals(row.purpose)
                    || !row.identityId.equals(session.identityId())) {
                return CodeCheck.UNKNOWN;
            }
            found[0] = row;
            if (row.sessionId != null && !row.sessionId.equals(session.id())) {
                return CodeCheck.OTHER_SESSION;
            }
            if (row.preparedBy == null && !session.isSecurity()) {
                return CodeCheck.NOT_SECURITY;
            }
            if (!row.digest.equals(digest)) {
                // dynamic linking: the content confirmed now is not the content the code was sent for
                mapper.countCodeAttempt(row.id);
                return CodeCheck.MISMATCH;
            }
            CodeCheck result = verify(mapper, row, code, now);
            if (result == CodeCheck.OK) {
                // the code is spent and its use recorded in one transaction
                journal("auth.confirmation.confirmed", challengeId, origin).detail("subject", row.subject)
                        .detail("digest", digest).detail("session", session.id()).detail("preparedBy", row.preparedBy).record();
            }
            return result;
        });
        if (check != CodeCheck.OK) {
            failedCode(identity, origin, CodePurpose.CONFIRMATION, check, now);
            if (check == CodeCheck.NOT_SECURITY) {
                throw securitySessionRequired();
            }
            if (check == CodeCheck.MISMATCH) {
                throw new ProblemException(409, AuthProblems.CONFIRMATION_MISMATCH, LocalizedText.of(
                        "Бұл код басқа мазмұнды растауға жіберілген. Нұсқаманы қайта растауды сұраңыз.",
                        "Этот код был отправлен для подтверждения другого содержания. Запросите подтверждение заново.",
                        "This code was sent to confirm different content. Request a new confirmation."));
            }
            throw lockedOr(identity, codeInvalid());
        }
        CodeRow row = found[0];
        return new Confirmation(challengeId, row.subject, digest, session.identityId(), session.id(), row.preparedBy, now);
    }

    private static void validate(ConfirmationRequest request) {
        if (request == null || request.subject() == null || request.subject().isBlank() || request.subject().length() > 128
                || request.digest() == null || !DIGEST.matcher(request.digest()).matches() || request.summary() == null) {
            throw new IllegalArgumentException(
                    "a confirmation needs a subject (≤ 128 characters), a lower-case hex SHA-256 digest and a summary");
        }
    }

    // ------------------------------------------------------------------ passwords, activation, recovery (§22, §41)

    /**
     * §22: a recovery code to the e-mail or phone; the answer never says whether
     * the account exists, not even by its timing: the request is only queued here,
     * the look-up and the sending happen off the request path.
     */
    void requestRecovery(String typedIdentifier, String channel, Caller origin) {
        offPath.submit("recovery", () -> recover(typedIdentifier, channel, origin));
    }

    private void recover(String typedIdentifier, String channel, Caller origin) {
        Instant now = now();
        Identifiers.Identifier identifier = Identifiers.parse(typedIdentifier);
        IdentityRow identity = identifier == null ? null : read(mapper -> find(mapper, identifier));
        if (identity == null || SUSPENDED.equals(identity.status) || isLocked(identity, now)) {
            journal("auth.recovery.not-sent", identity == null ? "unknown" : identity.id, origin)
                    .detail("reason", identity == null ? "unknown-identifier" : identity.status.toLowerCase()).record();
            return;
        }
        String via = OtpChannel.EMAIL.equals(channel) && identity.email != null || identity.phone == null
                ? OtpChannel.EMAIL : OtpChannel.SMS;
        quietly(() -> issueCode(identity, CodePurpose.RECOVERY, null, null, via, lifetime(), origin), identity, origin);
    }

    /** §22, §44: a new password with the recovery code; every session of the account ends. */
    void completeRecovery(String typedIdentifier, String code, String newPassword, Caller origin) {
        setPasswordWithCode(typedIdentifier, code, newPassword, CodePurpose.RECOVERY, origin);
    }

    /** Onboarding: the activation code the client received sets the first password (§41). */
    void activate(String typedIdentifier, String code, String newPassword, Caller origin) {
        setPasswordWithCode(typedIdentifier, code, newPassword, CodePurpose.ACTIVATION, origin);
    }

    private void setPasswordWithCode(String typedIdentifier, String code, String newPassword, CodePurpose purpose,
            Caller origin) {
        Instant now = now();
        Identifiers.Identifier identifier = Identifiers.parse(typedIdentifier);
        IdentityRow identity = identifier == null ? null : read(mapper -> find(mapper, identifier));
        // unknown, locked or suspended accounts get the same answer as a wrong code (§22: nothing revealed)
        if (identity == null || isLocked(identity, now) || SUSPENDED.equals(identity.status)
                || purpose == CodePurpose.ACTIVATION && !PENDING.equals(identity.status)) {
            journal("auth." + purpose.name().toLowerCase() + ".refused", identity == null ? "unknown" : identity.id, origin)
                    .detail("reason", identity == null ? "unknown-identifier" : "not-eligible").record();
            throw codeInvalid();
        }
        List<PasswordPolicy.Violation> violations = PasswordPolicy.check(newPassword, identity.login, identity.email,
                identity.displayName);
        CodeCheck check = write(mapper -> {
            CodeRow row = mapper.lockLatestCode(identity.id, purpose.name());
            if (row == null) {
                return CodeCheck.UNKNOWN;
            }
            // a valid code with a password the policy refuses stays usable for the next try
            CodeCheck result = verify(mapper, row, code, now, violations.isEmpty());
            if (result == CodeCheck.OK && violations.isEmpty()) {
                mapper.setPassword(identity.id, hasher.hash(newPassword), utc(now), false);
                mapper.clearFailures(identity.id);
                if (purpose == CodePurpose.ACTIVATION) {
                    mapper.setStatus(identity.id, ACTIVE, utc(now));
                }
                journal("auth.password.set", identity.id, origin).detail("via", purpose.name().toLowerCase()).record();
                endAllSessions(identity.id, purpose.name().toLowerCase(), origin, now);
            }
            return result;
        });
        if (check != CodeCheck.OK) {
            failedCode(identity, origin, purpose, check, now);
            throw codeInvalid();
        }
        if (!violations.isEmpty()) {
            throw passwordPolicy(violations);
        }
    }

    /** A logged-in identity changes its password; the other sessions end. */
    void changePassword(Session session, String currentPassword, String newPassword, Caller origin) {
        Instant now = now();
        IdentityRow identity = read(mapper -> mapper.identity(session.identityId()));
        refuseLocked(identity, origin, null, now);
        // after a compromise reset (§44) there is no current password: the login by code proved the phone
        boolean resetByCompromise = identity.passwordHash == null && identity.passwordChangeRequired;
        if (!resetByCompromise && !hasher.verify(currentPassword == null ? "" : currentPassword, identity.passwordHash)) {
            registerFailure(identity, origin, "wrong-current-password", now);
            throw lockedOr(identity, invalidCredentials());
        }
        List<PasswordPolicy.Violation> violations = PasswordPolicy.check(newPassword, identity.login, identity.email,
                identity.displayName);
        if (!violations.isEmpty()) {
            throw passwordPolicy(violations);
        }
        if (currentPassword != null && currentPassword.equals(newPassword)) {
            throw invalidField("newPassword", LocalizedText.of("Жаңа құпиясөз ескісімен бірдей.",
                    "Новый пароль совпадает с прежним.", "The new password is the same as the old one."));
        }
        String hash = hasher.hash(newPassword);
        write(mapper -> {
            mapper.setPassword(identity.id, hash, utc(now), false);
            for (String other : mapper.liveSessionIds(identity.id)) {
                if (!other.equals(session.id())) {
                    mapper.endSession(other, utc(now), "password-changed");
                }
            }
            journal("auth.password.changed", identity.id, origin).record();
            return null;
        });
    }

    // ------------------------------------------------------------------ suspension, compromise, identities (§27–§31, §44)

    /** §27, §28: the client suspends their own services; effective at once, every session ends. */
    void suspendSelf(Session session, Caller origin) {
        if (session.role().isStaff()) {
            // §27 is the client's instruction; staff accounts are suspended by an administrator
            throw new ProblemException(403, CommonProblems.FORBIDDEN, LocalizedText.of(
                    "Қызметті тоқтату — клиенттің нұсқамасы; қызметкер тіркелгісін әкімші тоқтатады.",
                    "Приостановление обслуживания — поручение клиента; учётную запись сотрудника приостанавливает администратор.",
                    "Suspending services is a client's instruction; a staff account is suspended by an administrator."));
        }
        Instant now = now();
        write(mapper -> {
            mapper.setStatus(session.identityId(), SUSPENDED, utc(now));
            journal("auth.identity.suspended", session.identityId(), origin).detail("by", "client").record();
            endAllSessions(session.identityId(), "suspended", origin, now);
            return null;
        });
    }

    /** §31: services resume only after the client came to the office in person; the operator records the visit. */
    IdentityView reinstate(String identityId, OfficeVisit visit, Caller operator) {
        Instant now = now();
        IdentityRow before = requireIdentity(identityId);
        requireMayActOn(before, operator, "reinstate");
        write(mapper -> {
            mapper.setStatus(identityId, before.passwordHash == null && PENDING.equals(before.status) ? PENDING : ACTIVE,
                    utc(now));
            mapper.setLock(identityId, null);
            journal("auth.identity.reinstated", identityId, operator).detail("office", visit.office())
                    .detail("visitedAt", visit.visitedAt().toString()).detail("document", visit.documentType())
                    .detail("formerStatus", before.status).record();
            return null;
        });
        return view(requireIdentity(identityId), now);
    }

    /**
     * §44: suspected compromise. The password stops working at once, every
     * session ends, and the next login (by phone code or recovery) must set a
     * new one.
     */
    void compromise(String identityId, String reason, Caller actor) {
        Instant now = now();
        requireMayActOn(requireIdentity(identityId), actor, "compromise");
        write(mapper -> {
            mapper.setPassword(identityId, null, utc(now), true);
            journal("auth.identity.compromised", identityId, actor).detail("reason", reason).record();
            endAllSessions(identityId, "compromise", actor, now);
            return null;
        });
    }

    /** Onboarding (§12, §14, §20): an operator creates the identity; the activation code goes to the phone. */
    IdentityView createIdentity(NewIdentity request, Caller operator) {
        Instant now = now();
        Role role = request.role() == null ? Role.CLIENT : request.role();
        if (role.isStaff() && !Role.ADMIN.id().equals(operator.role())) {
            throw new ProblemException(403, CommonProblems.FORBIDDEN, LocalizedText.of(
                    "Қызметкер тіркелгісін тек әкімші жасай алады.", "Учётную запись сотрудника может создать только администратор.",
                    "Only an administrator can create staff accounts."));
        }
        IdentityRow row = new IdentityRow();
        row.id = UUID.randomUUID().toString();
        row.login = required("login", Identifiers.login(request.login()), LocalizedText.of(
                "Логин 3–64 таңба: латын әріптері, цифрлар, нүкте, сызықша; әріптен немесе цифрдан басталады.",
                "Логин: 3–64 символа — латинские буквы, цифры, точка, дефис, подчёркивание; начинается с буквы или цифры.",
                "Login: 3–64 characters — Latin letters, digits, dot, dash, underscore; starting with a letter or digit."));
        row.email = request.email() == null ? null : required("email", Identifiers.email(request.email()),
                LocalizedText.of("E-mail мекенжайы қате.", "Неверный адрес e-mail.", "Invalid e-mail address."));
        row.phone = request.phone() == null ? null : required("phone", Identifiers.phone(request.phone()),
                LocalizedText.of("Телефон нөмірі халықаралық форматта болуы керек, мысалы +77011234567.",
                        "Номер телефона должен быть в международном формате, например +77011234567.",
                        "The phone number must be in international format, e.g. +77011234567."));
        if (row.phone == null) {
            // §22: the mobile number is required — codes and recovery go there
            throw invalidField("phone", LocalizedText.of("Телефон нөмірі міндетті.", "Номер телефона обязателен.",
                    "The phone number is required."));
        }
        if (role == Role.CLIENT && (request.clientId() == null || request.clientId().isBlank())) {
            throw invalidField("clientId", LocalizedText.of("Клиент тіркелгісі клиент жазбасына байланысуы керек.",
                    "Учётная запись клиента должна быть связана с записью клиента.",
                    "A client account must be linked to a client record."));
        }
        if (role == Role.CLIENT && !CLIENT_ID.matcher(request.clientId()).matches()) {
            throw invalidField("clientId", LocalizedText.of(
                    "Клиент нөмірі 1–64 таңба: латын әріптері, цифрлар, нүкте, сызықша.",
                    "Номер клиента: 1–64 символа — латинские буквы, цифры, точка, дефис, подчёркивание.",
                    "The client number: 1–64 characters — Latin letters, digits, dot, dash, underscore."));
        }
        row.role = role.name();
        row.clientId = role == Role.CLIENT ? request.clientId() : null;
        row.displayName = request.displayName();
        row.language = (request.language() == null ? Language.DEFAULT : request.language()).tag();
        row.status = PENDING;
        row.statusChangedAt = utc(now);
        row.createdAt = utc(now);
        row.createdBy = operator.identity();
        try {
            write(mapper -> {
                mapper.insertIdentity(row);
                journal("auth.identity.created", row.id, operator).detail("role", role.id()).detail("login", row.login)
                        .detail("clientId", row.clientId).record();
                return null;
            });
        } catch (RuntimeException e) {
            if (String.valueOf(e.getMessage()).contains("Duplicate entry")) {
                throw new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of(
                        "Мұндай логин, e-mail, телефон немесе клиент тіркелгісі бар.",
                        "Учётная запись с таким логином, e-mail, телефоном или клиентом уже есть.",
                        "An account with this login, e-mail, phone or client already exists."));
            }
            throw e;
        }
        issueCode(row, CodePurpose.ACTIVATION, null, null, OtpChannel.SMS,
                Duration.ofHours(config.activation_lifetime_hours()), operator);
        return view(row, now);
    }

    /** Creates the first administrator when there is none, with a known or generated password. */
    Optional<String> bootstrapAdministrator(Caller system) {
        if (read(AuthMapper::countAdmins) > 0) {
            return Optional.empty();
        }
        Instant now = now();
        String configured = config.admin_password();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? Secrets.token().substring(0, 20) + "!9a" : configured;
        IdentityRow row = administrator(Identifiers.phone(config.admin_phone()), hasher.hash(password), generated, system, now);
        row.email = Identifiers.email(config.admin_email());
        boolean created = write(mapper -> {
            if (mapper.countAdmins() != 0) {
                return false; // another node was first
            }
            mapper.insertIdentity(row);
            journal("auth.identity.created", row.id, system).detail("role", "admin").detail("login", row.login)
                    .detail("bootstrap", true).record();
            return true;
        });
        if (!created) {
            return Optional.empty();
        }
        return generated ? Optional.of(password) : Optional.of("");
    }

    /** A new active administrator with the configured login. */
    private IdentityRow administrator(String phone, String passwordHash, boolean changeRequired, Caller system, Instant now) {
        IdentityRow row = new IdentityRow();
        row.id = UUID.randomUUID().toString();
        row.login = Identifiers.login(config.admin_login());
        row.phone = phone;
        row.role = Role.ADMIN.name();
        row.displayName = "Administrator";
        row.language = Language.DEFAULT.tag();
        row.passwordHash = passwordHash;
        row.passwordChangedAt = utc(now);
        row.passwordChangeRequired = changeRequired;
        row.status = ACTIVE;
        row.statusChangedAt = utc(now);
        row.createdAt = utc(now);
        row.createdBy = system.identity();
        return row;
    }

    /**
     * Dev and demo mode only (rules §4, a demo version to learn the system):
     * an active identity with a published password, created once; an identity
     * with that login that already exists is left as it is.
     */
    boolean seedDemoIdentity(NewIdentity identity, String password, Caller system) {
        if (read(mapper -> mapper.identityByLogin(Identifiers.login(identity.login()))) != null) {
            return false;
        }
        Instant now = now();
        IdentityRow row = new IdentityRow();
        row.id = UUID.randomUUID().toString();
        row.login = Identifiers.login(identity.login());
        row.email = Identifiers.email(identity.email());
        row.phone = Identifiers.phone(identity.phone());
        row.role = identity.role().name();
        row.clientId = identity.role() == Role.CLIENT ? identity.clientId() : null;
        row.displayName = identity.displayName();
        row.language = identity.language().tag();
        row.passwordHash = hasher.hash(password);
        row.passwordChangedAt = utc(now);
        row.status = ACTIVE;
        row.statusChangedAt = utc(now);
        row.createdAt = utc(now);
        row.createdBy = system.identity();
        write(mapper -> {
            mapper.insertIdentity(row);
            journal("auth.identity.created", row.id, system).detail("role", identity.role().id()).detail("login", row.login)
                    .detail("clientId", row.clientId).detail("demo", true).record();
            return null;
        });
        return true;
    }

    IdentityView identityView(String identityId) {
        return view(requireIdentity(identityId), now());
    }

    List<IdentityView> identities(int limit, int offset) {
        Instant now = now();
        return read(mapper -> mapper.identities(limit, offset)).stream().map(row -> view(row, now)).toList();
    }

    void unlock(String identityId, Caller operator) {
        requireMayActOn(requireIdentity(identityId), operator, "unlock");
        write(mapper -> {
            mapper.setLock(identityId, null);
            journal("auth.identity.unlocked", identityId, operator).record();
            return null;
        });
    }

    List<AddressBlockRow> addressBlocks() {
        LocalDateTime now = utc(now());
        return read(mapper -> mapper.activeAddressBlocks(now));
    }

    boolean liftAddressBlock(String address, Caller operator) {
        Instant now = now();
        int lifted = write(mapper -> {
            int count = mapper.liftAddressBlock(address, utc(now), operator.identity());
            mapper.forgetFailedAttempts(address);
            if (count > 0) {
                journal("auth.address.unblocked", address, operator).record();
            }
            return count;
        });
        return lifted > 0;
    }

    /** What operators see of an identity: never a hash. */
    record IdentityView(String id, String login, String email, String phone, String role, String clientId,
            String displayName, String language, String status, Instant statusChangedAt, boolean passwordSet,
            boolean passwordChangeRequired, Instant lockedUntil, Instant createdAt, String createdBy) {
    }

    record NewIdentity(String login, String email, String phone, Role role, String clientId, String displayName,
            Language language) {
    }

    record OfficeVisit(String office, Instant visitedAt, String documentType, String documentNumber) {
    }

    private IdentityView view(IdentityRow row, Instant now) {
        Instant lockedUntil = row.lockedUntil == null ? null : row.lockedUntil.toInstant(ZoneOffset.UTC);
        return new IdentityView(row.id, row.login, row.email, row.phone, row.role.toLowerCase(), row.clientId,
                row.displayName, row.language, row.status, row.statusChangedAt.toInstant(ZoneOffset.UTC),
                row.passwordHash != null, row.passwordChangeRequired,
                lockedUntil != null && lockedUntil.isAfter(now) ? lockedUntil : null,
                row.createdAt.toInstant(ZoneOffset.UTC), row.createdBy);
    }

    /**
     * Staff identities (managers, operators, administrators) are administered by
     * administrators only: an operator who could void an administrator's password
     * or unlock a colleague would hold the keys of everyone above them.
     */
    private void requireMayActOn(IdentityRow target, Caller actor, String action) {
        if (Role.of(target.role).isStaff() && !Role.ADMIN.id().equals(actor.role())) {
            journal("auth.identity.action-refused", target.id, actor).detail("action", action)
                    .detail("reason", "staff-identity").record();
            throw new ProblemException(403, CommonProblems.FORBIDDEN, LocalizedText.of(
                    "Қызметкер тіркелгісімен тек әкімші әрекет ете алады.",
                    "Действия с учётной записью сотрудника доступны только администратору.",
                    "Only an administrator can act on a staff account."));
        }
    }

    /**
     * The way back in for the last administrator: whoever can write to the data
     * directory ({@code java -jar qyzmet.jar reset-admin}) gives the configured
     * administrator login a new password that must be changed at first login,
     * lifts its lock and suspension, optionally sets its phone, and ends its
     * sessions. Creates the administrator if it is gone.
     */
    void resetAdministrator(String password, String phone, Caller system) {
        Instant now = now();
        String login = Identifiers.login(config.admin_login());
        String hash = hasher.hash(password);
        String normalisedPhone = phone == null || phone.isBlank() ? null : Identifiers.phone(phone);
        if (phone != null && !phone.isBlank() && normalisedPhone == null) {
            throw new IllegalArgumentException("not an E.164 phone number: " + phone);
        }
        IdentityRow existing = read(mapper -> mapper.identityByLogin(login));
        if (existing == null) {
            IdentityRow row = administrator(normalisedPhone, hash, true, system, now);
            write(mapper -> {
                mapper.insertIdentity(row);
                journal("auth.identity.admin-reset", row.id, system).detail("created", true).record();
                return null;
            });
            return;
        }
        write(mapper -> {
            mapper.setPassword(existing.id, hash, utc(now), true);
            mapper.setStatus(existing.id, ACTIVE, utc(now));
            mapper.setLock(existing.id, null);
            mapper.setRole(existing.id, Role.ADMIN.name());
            if (normalisedPhone != null) {
                mapper.setPhone(existing.id, normalisedPhone);
            }
            journal("auth.identity.admin-reset", existing.id, system).detail("formerStatus", existing.status)
                    .detail("formerRole", existing.role).detail("phoneChanged", normalisedPhone != null).record();
            endAllSessions(existing.id, "admin-reset", system, now);
            return null;
        });
    }

    private IdentityRow requireIdentity(String identityId) {
        IdentityRow row = read(mapper -> mapper.identity(identityId));
        if (row == null) {
            throw new ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of("Тіркелгі табылмады.",
                    "Учётная запись не найдена.", "No such account."));
        }
        return row;
    }

    // ------------------------------------------------------------------ lockouts (§42, §43, §44)

    /**
     * §43: a blocked address is refused, with the reason and until when (§29). It
     * changes nobody's credentials: behind a proxy or a carrier's NAT many clients
     * share one address, and an attacker who got it blocked must not be able to
     * void the password of whoever logs in from there next (§44 is read in README).
     */
    private void refuseBlockedAddress(Caller origin, Instant now) {
        if (allowList.contains(origin.address())) {
            return;
        }
        AddressBlockRow block = read(mapper -> mapper.addressBlock(origin.address()));
        if (block == null || block.liftedAt != null || !now.isBefore(block.blockedUntil.toInstant(ZoneOffset.UTC))) {
            return;
        }
        Instant until = block.blockedUntil.toInstant(ZoneOffset.UTC);
        journal("auth.login.refused", origin.address(), origin).detail("reason", "address-blocked")
                .detail("until", until.toString()).record();
        throw new ProblemException(403, AuthProblems.ADDRESS_BLOCKED, LocalizedText.of(
                "Бұл IP мекенжайынан әртүрлі логиндермен кіру әрекеттері жасалды, ол {until} дейін бұғатталды.",
                "С этого IP-адреса были попытки входа под разными логинами; он заблокирован до {until}.",
                "Logins with different accounts were tried from this address; it is blocked until {until}.")
                .format(Map.of("until", until)), Map.of("blockedUntil", until.toString()), Map.of());
    }

    /** Like {@link #refuseLocked} for an identifier nobody has: five failures lock it as they would an account (§22). */
    private void refuseUnknownLocked(byte[] identifierHash, Caller origin, Instant now) {
        LocalDateTime until = read(mapper -> mapper.unknownIdentifierLock(identifierHash));
        if (until == null || !now.isBefore(until.toInstant(ZoneOffset.UTC))) {
            return;
        }
        write(mapper -> {
            mapper.insertAttempt(origin.address(), identifierHash, false, utc(now));
            journal("auth.login.refused", "unknown", origin).detail("reason", "account-locked").record();
            return null;
        });
        throw accountLocked(until.toInstant(ZoneOffset.UTC));
    }

    /** A failed login with an identifier nobody has: counted like an account's (§42), so its answers are the same. */
    private ProblemException unknownIdentifierFailed(Caller origin, byte[] identifierHash, Instant now,
            ProblemException otherwise) {
        LocalDateTime lockUntil = utc(now.plus(Duration.ofMinutes(config.lock_minutes())));
        LocalDateTime locked = write(mapper -> {
            mapper.recordUnknownFailure(identifierHash, config.lock_threshold(), lockUntil);
            failedLogin(origin, identifierHash, null, "unknown-identifier", now);
            return mapper.unknownIdentifierLock(identifierHash);
        });
        return locked != null && now.isBefore(locked.toInstant(ZoneOffset.UTC)) ? accountLocked(locked.toInstant(ZoneOffset.UTC))
                : otherwise;
    }

    private void refuseLocked(IdentityRow identity, Caller origin, byte[] identifierHash, Instant now) {
        if (!isLocked(identity, now)) {
            return;
        }
        write(mapper -> {
            if (identifierHash != null) {
                mapper.insertAttempt(origin.address(), identifierHash, false, utc(now));
            }
            journal("auth.login.refused", identity.id, origin).detail("reason", "account-locked").record();
            return null;
        });
        throw accountLocked(identity.lockedUntil.toInstant(ZoneOffset.UTC));
    }

    private void refuseSuspended(IdentityRow identity, Caller origin) {
        if (!SUSPENDED.equals(identity.status)) {
            return;
        }
        journal("auth.login.refused", identity.id, origin).detail("reason", "suspended").record();
        throw new ProblemException(403, AuthProblems.SUSPENDED, LocalizedText.of(
                "Қызмет көрсету сіздің өтінішіңіз бойынша тоқтатылған. Қайта бастау үшін жеке басыңызды куәландыратын құжатпен брокер кеңсесіне келіңіз.",
                "Обслуживание приостановлено по вашему поручению. Чтобы возобновить его, придите в офис брокера с документом, удостоверяющим личность.",
                "Your services are suspended at your request. To resume them, come to the broker's office with your identity document."));
    }

    private static boolean isLocked(IdentityRow identity, Instant now) {
        return identity.lockedUntil != null && now.isBefore(identity.lockedUntil.toInstant(ZoneOffset.UTC));
    }

    /** Counts a failed password or code (§42); the lock, when it falls, is recorded. */
    private void registerFailure(IdentityRow identity, Caller origin, String reason, Instant now) {
        LocalDateTime lockUntil = utc(now.plus(Duration.ofMinutes(config.lock_minutes())));
        IdentityRow after = write(mapper -> {
            mapper.recordFailure(identity.id, config.lock_threshold(), lockUntil);
            IdentityRow counted = mapper.identity(identity.id);
            journal("auth.authentication.failed", identity.id, origin).detail("reason", reason).record();
            if (isLocked(counted, now) && !isLocked(identity, now)) {
                journal("auth.account.locked", identity.id, origin)
                        .detail("until", counted.lockedUntil.toInstant(ZoneOffset.UTC).toString()).detail("rule", "§42").record();
            }
            return counted;
        });
        if (isLocked(after, now) && !isLocked(identity, now)) {
            identity.lockedUntil = after.lockedUntil;
        }
    }

    private void failedCode(IdentityRow identity, Caller origin, CodePurpose purpose, CodeCheck check, Instant now) {
        registerFailure(identity, origin, purpose.name().toLowerCase() + "-code-" + check.name().toLowerCase(), now);
    }

    /** A failed login: counts for the account (§42) and for the address (§43). */
    private void failedLogin(Caller origin, byte[] identifierHash, IdentityRow identity, String reason, Instant now) {
        write(mapper -> {
            mapper.insertAttempt(origin.address(), identifierHash, false, utc(now));
            if (identity != null) {
                registerFailure(identity, origin, reason, now);
            } else {
                journal("auth.login.failed", "unknown", origin).detail("reason", reason).record();
            }
            if (allowList.contains(origin.address())) {
                return null;
            }
            LocalDateTime since = utc(now.minus(Duration.ofMinutes(config.address_window_minutes())));
            int logins = mapper.distinctFailedLogins(origin.address(), since);
            if (logins >= config.address_distinct_logins()) {
                Instant until = now.plus(Duration.ofHours(config.address_block_hours()));
                mapper.blockAddress(origin.address(), utc(now), utc(until), logins);
                journal("auth.address.blocked", origin.address(), origin).detail("until", until.toString())
                        .detail("loginsTried", logins).detail("rule", "§43").record();
            }
            return null;
        });
    }

    private LoginOutcome succeededLogin(IdentityRow identity, byte[] identifierHash, SessionKind kind, SessionStage stage,
            Caller origin, String method, Instant now) {
        String token = Secrets.token();
        String csrf = kind == SessionKind.WEB ? Secrets.token() : null;
        SessionRow row = new SessionRow();
        row.id = UUID.randomUUID().toString();
        row.tokenHash = Secrets.sha256(token);
        row.csrfHash = csrf == null ? null : Secrets.sha256(csrf);
        row.identityId = identity.id;
        row.kind = kind.name();
        row.stage = stage.name();
        row.address = origin.address();
        row.userAgent = origin.userAgent().length() > 255 ? origin.userAgent().substring(0, 255) : origin.userAgent();
        row.createdAt = utc(now);
        row.lastSeenAt = utc(now);
        row.absoluteExpiry = utc(now.plus(Duration.ofHours(config.session_absolute_hours())));
        write(mapper -> {
            if (identity.failedAttempts != 0) {
                // §42 counts consecutive failures; one round trip saved on the usual login without any
                mapper.clearFailures(identity.id);
            }
            mapper.insertAttempt(origin.address(), identifierHash, true, utc(now));
            mapper.insertSession(row);
            journal("auth.login.succeeded", identity.id, origin).detail("session", row.id).detail("method", method)
                    .detail("kind", kind.name()).detail("stage", stage.name()).record();
            return null;
        });
        return new LoginOutcome(session(row, identity), token, csrf, row.absoluteExpiry.toInstant(ZoneOffset.UTC));
    }

    private ProblemException lockedOr(IdentityRow identity, ProblemException otherwise) {
        return isLocked(identity, now()) ? accountLocked(identity.lockedUntil.toInstant(ZoneOffset.UTC)) : otherwise;
    }

    // ------------------------------------------------------------------ one-time codes

    enum CodeCheck {
        OK, WRONG, EXPIRED, USED, EXHAUSTED, UNKNOWN, MISMATCH, OTHER_SESSION, NOT_SECURITY
    }

    private Duration lifetime() {
        return Duration.ofSeconds(config.code_lifetime_seconds());
    }

    private Instant issueCode(IdentityRow identity, CodePurpose purpose, String sessionId, String subject, String channel,
            Duration lifetime, Caller origin) {
        CodeRow row = newCode(identity, purpose, sessionId, channel, lifetime);
        row.subject = subject;
        return sendCode(identity, row, null, origin);
    }

    private CodeRow newCode(IdentityRow identity, CodePurpose purpose, String sessionId, String channel, Duration lifetime) {
        Instant now = now();
        CodeRow row = new CodeRow();
        row.id = UUID.randomUUID().toString();
        row.identityId = identity.id;
        row.purpose = purpose.name();
        row.sessionId = sessionId;
        row.channel = channel;
        row.createdAt = utc(now);
        row.expiresAt = utc(now.plus(lifetime));
        return row;
    }

    /** Stores the code's HMAC, then hands the text to the channel; a code that did not go out is void. */
    private Instant sendCode(IdentityRow identity, CodeRow row, LocalizedText summary, Caller origin) {
        Instant now = row.createdAt.toInstant(ZoneOffset.UTC);
        String code = Secrets.code();
        row.codeHash = Secrets.hmac(codeKey, row.id + ":" + code);
        CodePurpose purpose = CodePurpose.valueOf(row.purpose);
        boolean rateLimited = write(mapper -> {
            int limit = purpose == CodePurpose.CONFIRMATION ? config.confirmation_codes_per_hour() : config.codes_per_hour();
            if (mapper.countCodesSince(identity.id, row.purpose, utc(now.minus(Duration.ofHours(1)))) >= limit) {
                return true;
            }
            if (purpose != CodePurpose.CONFIRMATION) {
                mapper.voidCodes(identity.id, row.purpose, utc(now));
            }
            mapper.insertCode(row);
            journal("auth.code.issued", identity.id, origin).detail("purpose", row.purpose).detail("channel", row.channel)
                    .detail("challenge", row.id).detail("subject", row.subject).detail("digest", row.digest).record();
            return false;
        });
        if (rateLimited) {
            journal("auth.code.rate-limited", identity.id, origin).detail("purpose", row.purpose).record();
            throw new ProblemException(429, AuthProblems.CODE_RATE, LocalizedText.of(
                    "Соңғы сағатта тым көп код сұралды. Кейінірек қайталаңыз.",
                    "За последний час запрошено слишком много кодов. Повторите позже.",
                    "Too many codes were requested in the last hour. Try again later."), Map.of(),
                    Map.of("Retry-After", "3600"));
        }
        String recipient = switch (row.channel) {
            case OtpChannel.EMAIL -> identity.email;
            case OtpChannel.PUSH -> identity.id;
            default -> identity.phone;
        };
        Language language = Language.fromTag(identity.language);
        OtpMessage message = new OtpMessage(row.channel, recipient, purpose.name().toLowerCase(),
                purpose.text(code, summary, language), row.sessionId);
        try {
            channel(row.channel).deliver(message);
        } catch (Exception e) {
            write(mapper -> {
                int voided = mapper.useCode(row.id, utc(now));
                journal("auth.code.not-delivered", identity.id, origin).detail("purpose", row.purpose).detail("challenge", row.id)
                        .detail("channel", row.channel).detail("error", e.getClass().getSimpleName()).record();
                return voided;
            });
            throw new ProblemException(503, AuthProblems.DELIVERY, LocalizedText.of(
                    "Кодты жіберу мүмкін болмады. Біраздан кейін қайталаңыз.",
                    "Не удалось отправить код. Повторите попытку чуть позже.",
                    "The code could not be sent. Please try again shortly."));
        }
        return row.expiresAt.toInstant(ZoneOffset.UTC);
    }

    private OtpChannel channel(String name) {
        return channels.entrySet().stream().filter(entry -> entry.getValue().channels().contains(name))
                .max((a, b) -> Integer.compare(a.getValue().ranking(), b.getValue().ranking()))
                .map(Map.Entry::getKey)
                .orElseThrow(() -> new IllegalStateException("no one-time code channel for " + name));
    }

    private CodeCheck checkLatestCode(IdentityRow identity, CodePurpose purpose, String code, Instant now) {
        return write(mapper -> {
            CodeRow row = mapper.lockLatestCode(identity.id, purpose.name());
            return row == null ? CodeCheck.UNKNOWN : verify(mapper, row, code, now);
        });
    }

    private CodeCheck checkSessionCode(IdentityRow identity, CodePurpose purpose, String sessionId, String code, Instant now) {
        return write(mapper -> {
            CodeRow row = mapper.lockLatestCode(identity.id, purpose.name());
            if (row == null || !sessionId.equals(row.sessionId)) {
                return CodeCheck.UNKNOWN;
            }
            return verify(mapper, row, code, now);
        });
    }

    private CodeCheck verify(AuthMapper mapper, CodeRow row, String code, Instant now) {
        return verify(mapper, row, code, now, true);
    }

    /** Single use, limited life, limited attempts; compared as HMACs in constant time. */
    private CodeCheck verify(AuthMapper mapper, CodeRow row, String code, Instant now, boolean consume) {
        if (row.usedAt != null) {
            return CodeCheck.USED;
        }
        if (!now.isBefore(row.expiresAt.toInstant(ZoneOffset.UTC))) {
            return CodeCheck.EXPIRED;
        }
        if (row.attempts >= config.code_attempts()) {
            return CodeCheck.EXHAUSTED;
        }
        if (code == null || !Secrets.same(row.codeHash, Secrets.hmac(codeKey, row.id + ":" + code.strip()))) {
            mapper.countCodeAttempt(row.id);
            return CodeCheck.WRONG;
        }
        if (consume) {
            mapper.useCode(row.id, utc(now));
        }
        return CodeCheck.OK;
    }

    /** Flows that must not reveal whether an account exists swallow the rate-limit and delivery refusals (audited). */
    private void quietly(Runnable send, IdentityRow identity, Caller origin) {
        try {
            send.run();
        } catch (ProblemException e) {
            journal("auth.code.not-sent", identity.id, origin).detail("reason", e.type().slug()).record();
        }
    }

    // ------------------------------------------------------------------ helpers

    private static boolean isStaff(String role) {
        return java.util.Arrays.stream(Role.values()).anyMatch(known -> known.isStaff() && known.id().equals(role));
    }

    private static IdentityRow find(AuthMapper mapper, Identifiers.Identifier identifier) {
        return switch (identifier.kind()) {
            case EMAIL -> mapper.identityByEmail(identifier.value());
            case PHONE -> mapper.identityByPhone(identifier.value());
            case LOGIN -> mapper.identityByLogin(identifier.value());
        };
    }

    private static Session session(SessionRow row, IdentityRow identity) {
        return new Session(row.id, identity.id, identity.login, Role.of(identity.role), identity.clientId,
                Language.fromTag(identity.language), SessionKind.valueOf(row.kind), SessionStage.valueOf(row.stage),
                row.securityMethod == null ? null : SecurityMethod.valueOf(row.securityMethod),
                identity.passwordChangeRequired, row.createdAt.toInstant(ZoneOffset.UTC));
    }

    private static void requireStage(Session session, SessionKind kind, SessionStage stage) {
        if (session.kind() != kind) {
            throw new ProblemException(409, CommonProblems.CONFLICT, kind == SessionKind.APP
                    ? LocalizedText.of("Бұл қадам тек мобильді қосымшада орындалады.",
                            "Этот шаг выполняется только в мобильном приложении.", "This step is done in the mobile app only.")
                    : LocalizedText.of("Бұл қадам тек веб-кабинетте орындалады.",
                            "Этот шаг выполняется только в веб-кабинете.", "This step is done in the web cabinet only."));
        }
        if (stage == SessionStage.SECURITY && !session.isSecurity()) {
            throw securitySessionRequired();
        }
        if (stage == SessionStage.LOGIN && session.stage() != SessionStage.LOGIN) {
            throw new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of(
                    "Қауіпсіздік сессиясы бұрыннан ашық.", "Сессия безопасности уже открыта.",
                    "The security session is already open."));
        }
    }

    private AuditRecord journal(String type, String subject, Caller origin) {
        return new AuditRecord(AuditEvent.builder(type, subject).by(origin));
    }

    /** An audit event being built, recorded with {@link #record()}. */
    private final class AuditRecord {
        private final AuditEvent.Builder builder;

        AuditRecord(AuditEvent.Builder builder) {
            this.builder = builder;
        }

        AuditRecord detail(String key, Object value) {
            if (value != null) {
                builder.detail(key, value);
            }
            return this;
        }

        void record() {
            audit.record(builder.build());
        }
    }

    private <T> T read(Function<AuthMapper, T> work) {
        return database.read(session -> work.apply(mapper(session)));
    }

    private <T> T write(Function<AuthMapper, T> work) {
        return database.inTransaction(session -> work.apply(mapper(session)));
    }

    private static AuthMapper mapper(SqlSession session) {
        return session.getMapper(AuthMapper.class);
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String required(String field, String normalised, LocalizedText detail) {
        if (normalised == null) {
            throw invalidField(field, detail);
        }
        return normalised;
    }

    static ProblemException invalidField(String field, LocalizedText detail) {
        return new ProblemException(400, CommonProblems.VALIDATION, detail, Map.of("field", field), Map.of());
    }

    static ProblemException invalidCredentials() {
        return new ProblemException(401, AuthProblems.INVALID_CREDENTIALS, LocalizedText.of(
                "Логин, e-mail, телефон немесе құпиясөз қате.", "Неверный логин, e-mail, телефон или пароль.",
                "Wrong login, e-mail, phone or password."));
    }

    static ProblemException codeInvalid() {
        return new ProblemException(400, AuthProblems.CODE_INVALID, LocalizedText.of(
                "Код қате, мерзімі өткен немесе бұрын пайдаланылған. Жаңа код сұраңыз.",
                "Код неверен, истёк или уже использован. Запросите новый код.",
                "The code is wrong, expired or already used. Request a new code."));
    }

    static ProblemException accountLocked(Instant until) {
        return new ProblemException(403, AuthProblems.ACCOUNT_LOCKED, LocalizedText.of(
                "Қате енгізу әрекеттері тым көп болғандықтан тіркелгі {until} дейін бұғатталды.",
                "Учётная запись заблокирована до {until} из-за большого числа неудачных попыток.",
                "The account is locked until {until} after too many failed attempts.").format(Map.of("until", until)),
                Map.of("lockedUntil", until.toString()), Map.of());
    }

    static ProblemException sessionRequired() {
        return new ProblemException(401, AuthProblems.SESSION_REQUIRED, LocalizedText.of(
                "Сессия жоқ немесе аяқталды. Жүйеге қайта кіріңіз.", "Сессии нет или она завершена. Войдите снова.",
                "There is no session or it has ended. Please log in again."), Map.of(),
                Map.of("WWW-Authenticate", "Bearer realm=\"qyzmet\""));
    }

    static ProblemException securitySessionRequired() {
        return SessionProblems.securitySessionRequired();
    }

    static ProblemException passwordPolicy(List<PasswordPolicy.Violation> violations) {
        List<Map<String, String>> broken = violations.stream()
                .map(v -> Map.of("rule", v.name().toLowerCase().replace('_', '-'), "kk", v.text().kk(), "ru", v.text().ru(),
                        "en", v.text().en()))
                .toList();
        String kk = String.join(" ", violations.stream().map(v -> v.text().kk()).toList());
        String ru = String.join(" ", violations.stream().map(v -> v.text().ru()).toList());
        String en = String.join(" ", violations.stream().map(v -> v.text().en()).toList());
        return new ProblemException(400, AuthProblems.PASSWORD_POLICY, LocalizedText.of(kk, ru, en),
                Map.of("violations", broken), Map.of());
    }

    /** The key codes are hashed with: configured file, or generated once into the data directory. */
    private static byte[] codeKey(AuthConfiguration config, BundleContext context) throws IOException {
        Path file;
        if (config.code_key_file() != null && !config.code_key_file().isBlank()) {
            file = Path.of(config.code_key_file());
        } else {
            String dataDir = context.getProperty(DATA_DIR);
            file = Path.of(dataDir == null ? "data" : dataDir, "secrets", "auth-code.key");
        }
        if (Files.exists(file)) {
            byte[] key = Files.readAllBytes(file);
            if (key.length < 32) {
                throw new IOException(file + " holds fewer than 32 bytes");
            }
            return key;
        }
        Secrets.writeOwnerOnly(file, Secrets.randomBytes(32));
        return Files.readAllBytes(file);
    }
}
