package kz.qyzmet.auth.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.apache.ibatis.session.SqlSession;
import org.osgi.framework.BundleContext;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.auth.api.Confirmation;
import kz.qyzmet.auth.api.ConfirmationChallenge;
import kz.qyzmet.auth.api.ConfirmationRequest;
import kz.qyzmet.auth.api.OperationConfirmations;
import kz.qyzmet.messaging.api.MessageChannel;
import kz.qyzmet.auth.api.OtpMessage;
import kz.qyzmet.auth.api.Role;
import kz.qyzmet.auth.api.SecurityMethod;
import kz.qyzmet.auth.api.Session;
import kz.qyzmet.auth.api.SessionKind;
import kz.qyzmet.auth.api.SessionProblems;
import kz.qyzmet.auth.api.SessionStage;
import kz.qyzmet.auth.api.Sessions;
import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.common.api.AddressRanges;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;

/**
 * The step up into a security session (rules §21, §35, §36): the staff second
 * factor, the app's one-time code (with biometrics as an extra factor), and the
 * web's QR code approved by the app. Each step up gives the session a new token.
 */
final class SecuritySessions {
    private final AuthStore store;
    private final OneTimeCodes codes;
    private final Lockouts lockouts;

    /** A QR code shown by the web cabinet (§35.2). */
    record QrChallenge(String id, String content, Instant expiresAt) {
    }

    enum QrState {
        PENDING, APPROVED, EXPIRED
    }

    SecuritySessions(AuthStore store, OneTimeCodes codes, Lockouts lockouts) {
        this.store = store;
        this.codes = codes;
        this.lockouts = lockouts;
    }

    /** Staff: the code sent at login turns the pending session into a security session (with a new token). */
    Logins.LoginOutcome secondFactor(Session session, String code, Caller origin) {
        if (session.stage() != SessionStage.SECOND_FACTOR) {
            throw new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of("Екінші фактор қажет емес.",
                    "Второй фактор не требуется.", "No second factor is pending."));
        }
        return stepUp(session, CodePurpose.SECOND_FACTOR, code, SecurityMethod.STAFF_CODE, origin);
    }

    /**
     * The code sent to this session for {@code purpose} raises it to a security
     * session (with a new token); a wrong one counts towards the §42 lock.
     */
    private Logins.LoginOutcome stepUp(Session session, CodePurpose purpose, String code, SecurityMethod method,
            Caller origin) {
        Instant now = store.now();
        IdentityRow identity = store.read(mapper -> mapper.identity(session.identityId()));
        lockouts.refuseLocked(identity, origin, null, now);
        OneTimeCodes.CodeCheck check = codes.checkSessionCode(identity, purpose, session.id(), code, now);
        if (check != OneTimeCodes.CodeCheck.OK) {
            lockouts.failedCode(identity, origin, purpose, check, now);
            throw lockouts.lockedOr(identity, AuthProblems.codeInvalid());
        }
        return elevate(session, method, origin, now);
    }

    /** §35.1, first step: the app asks for a code by SMS or push. */
    ConfirmationChallengeSent requestSecurityCode(Session session, String channel, Caller origin) {
        requireStage(session, SessionKind.APP, SessionStage.LOGIN);
        String via = MessageChannel.PUSH.equals(channel) ? MessageChannel.PUSH : MessageChannel.SMS;
        IdentityRow identity = store.read(mapper -> mapper.identity(session.identityId()));
        Instant expires = codes.issueCode(identity, CodePurpose.SECURITY, session.id(), null, via, codes.lifetime(), origin);
        return new ConfirmationChallengeSent(via, expires);
    }

    record ConfirmationChallengeSent(String channel, Instant expiresAt) {
    }

    /**
     * §35.1, second step: the code, and where the device has it, its local
     * biometrics — an extra factor recorded with the session, never a
     * replacement for the code (§25).
     */
    Logins.LoginOutcome openSecuritySession(Session session, String code, boolean biometrics, Caller origin) {
        requireStage(session, SessionKind.APP, SessionStage.LOGIN);
        return stepUp(session, CodePurpose.SECURITY, code,
                biometrics ? SecurityMethod.APP_CODE_AND_BIOMETRICS : SecurityMethod.APP_CODE, origin);
    }

    /** §35.2: the web page asks for a QR code to show. */
    QrChallenge createQr(Session session, Caller origin) {
        requireStage(session, SessionKind.WEB, SessionStage.LOGIN);
        Instant now = store.now();
        QrRow row = new QrRow();
        row.id = UUID.randomUUID().toString();
        String secret = Secrets.token();
        row.secretHash = Secrets.sha256(secret);
        row.sessionId = session.id();
        row.identityId = session.identityId();
        row.createdAt = AuthStore.utc(now);
        row.expiresAt = AuthStore.utc(now.plusSeconds(store.config().qr_lifetime_seconds()));
        store.write(mapper -> {
            mapper.insertQr(row);
            store.journal("auth.qr.created", session.id(), origin).detail("qr", row.id).record();
            return null;
        });
        return new QrChallenge(row.id, QrCodes.content(row.id, secret), row.expiresAt.toInstant(ZoneOffset.UTC));
    }

    /** What a poll of the web page learns; an approval it claims carries the session's new token. */
    record QrPoll(QrState state, Logins.LoginOutcome elevated) {
    }

    /**
     * The web page polls: only the session that showed the code may ask. The
     * first poll after the app approved it takes the security stage, and with
     * it a new token (a token seen before the security session holds nothing).
     */
    QrPoll qrState(Session session, String qrId, Caller origin) {
        QrRow row = store.read(mapper -> mapper.qr(qrId));
        if (row == null || !row.sessionId.equals(session.id())) {
            throw new ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of("QR-код табылмады.",
                    "QR-код не найден.", "No such QR code."));
        }
        if (row.approvedAt != null && row.claimedAt == null && session.stage() == SessionStage.LOGIN) {
            Instant now = store.now();
            Rotation rotation = Rotation.of(session);
            boolean claimed = store.write(mapper -> {
                if (mapper.claimQr(row.id, AuthStore.utc(now)) == 0 || !elevated(mapper, session, rotation, SecurityMethod.QR, now)) {
                    return false;
                }
                store.journal("auth.security-session.opened", session.id(), origin).detail("method", SecurityMethod.QR.name())
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
        return new QrPoll(store.now().isBefore(row.expiresAt.toInstant(ZoneOffset.UTC)) ? QrState.PENDING : QrState.EXPIRED, null);
    }

    /**
     * §35.2: the app, itself in a security session of the same client, approves
     * the scanned code; the web session that showed it becomes a security session.
     */
    void approveQr(Session appSession, String content, Caller origin) {
        requireStage(appSession, SessionKind.APP, SessionStage.SECURITY);
        QrCodes.Parsed parsed = QrCodes.parse(content);
        Instant now = store.now();
        String refusal = store.write(mapper -> {
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
            mapper.approveQr(row.id, AuthStore.utc(now), appSession.id());
            store.journal("auth.qr.approved", row.sessionId, origin).detail("qr", row.id)
                    .detail("approvedBySession", appSession.id()).record();
            return null;
        });
        if (refusal != null) {
            store.journal("auth.qr.refused", appSession.id(), origin).detail("reason", refusal).record();
            throw new ProblemException(400, AuthProblems.QR_INVALID, LocalizedText.of(
                    "QR-код жарамсыз, мерзімі өткен немесе басқа клиентке тиесілі. Беттегі жаңа кодты сканерлеңіз.",
                    "QR-код недействителен, истёк или принадлежит другому клиенту. Отсканируйте новый код со страницы.",
                    "The QR code is invalid, expired or belongs to another client. Scan a fresh code from the page."),
                    Map.of("reason", refusal), Map.of());
        }
    }

    /** The new secrets a session gets with a new stage; only their hashes are stored. */
    record Rotation(String token, String csrfToken) {
        static Rotation of(Session session) {
            return new Rotation(Secrets.token(), session.kind() == SessionKind.WEB ? Secrets.token() : null);
        }

        Logins.LoginOutcome outcome(Session session, SecurityMethod method, Instant expiresAt) {
            return new Logins.LoginOutcome(new Session(session.id(), session.identityId(), session.login(), session.role(),
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
    boolean elevated(AuthMapper mapper, Session session, Rotation rotation, SecurityMethod method, Instant now) {
        return mapper.elevateSession(session.id(), session.stage().name(), SessionStage.SECURITY.name(), method.name(),
                AuthStore.utc(now), Secrets.sha256(rotation.token()),
                rotation.csrfToken() == null ? null : Secrets.sha256(rotation.csrfToken())) > 0;
    }

    Logins.LoginOutcome elevate(Session session, SecurityMethod method, Caller origin, Instant now) {
        Rotation rotation = Rotation.of(session);
        boolean updated = store.write(mapper -> {
            boolean elevated = elevated(mapper, session, rotation, method, now);
            if (elevated) {
                store.journal("auth.security-session.opened", session.id(), origin).detail("method", method.name())
                        .detail("tokenRotated", true).record();
            }
            return elevated;
        });
        if (!updated) {
            throw AuthProblems.sessionRequired();
        }
        return rotation.outcome(session, method, expiry(session));
    }

    Instant expiry(Session session) {
        return session.openedAt().plus(Duration.ofHours(store.config().session_absolute_hours()));
    }

    static void requireStage(Session session, SessionKind kind, SessionStage stage) {
        if (session.kind() != kind) {
            throw new ProblemException(409, CommonProblems.CONFLICT, kind == SessionKind.APP
                    ? LocalizedText.of("Бұл қадам тек мобильді қосымшада орындалады.",
                            "Этот шаг выполняется только в мобильном приложении.", "This step is done in the mobile app only.")
                    : LocalizedText.of("Бұл қадам тек веб-кабинетте орындалады.",
                            "Этот шаг выполняется только в веб-кабинете.", "This step is done in the web cabinet only."));
        }
        if (stage == SessionStage.SECURITY && !session.isSecurity()) {
            throw AuthProblems.securitySessionRequired();
        }
        if (stage == SessionStage.LOGIN && session.stage() != SessionStage.LOGIN) {
            throw new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of(
                    "Қауіпсіздік сессиясы бұрыннан ашық.", "Сессия безопасности уже открыта.",
                    "The security session is already open."));
        }
    }
}
