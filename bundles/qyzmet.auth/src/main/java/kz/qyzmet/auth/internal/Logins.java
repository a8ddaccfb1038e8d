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
 * Logging in (rules §20, §21, §25.1, §34): an identifier (login, e-mail or
 * phone) and password, or a phone and a one-time code. Staff get a second
 * factor to enter ({@link SecuritySessions}). Unknown identifiers cost the same
 * and lock the same as known ones.
 */
final class Logins {
    private final AuthStore store;
    private final OneTimeCodes codes;
    private final Lockouts lockouts;
    private final OffPath offPath;

    /** What a login produced: the session, and the secrets the client receives exactly once. */
    record LoginOutcome(Session session, String token, String csrfToken, Instant expiresAt) {
    }

    Logins(AuthStore store, OneTimeCodes codes, Lockouts lockouts, OffPath offPath) {
        this.store = store;
        this.codes = codes;
        this.lockouts = lockouts;
        this.offPath = offPath;
    }

    /** Identifier (login, e-mail or phone) and password (§20, §34). Staff get a second-factor code (§35). */
    LoginOutcome login(String typedIdentifier, String password, SessionKind kind, Caller origin) {
        Instant now = store.now();
        Identifiers.Identifier identifier = Identifiers.parse(typedIdentifier);
        byte[] identifierHash = Secrets.sha256(identifier == null ? String.valueOf(typedIdentifier) : identifier.value());
        IdentityRow identity = identifier == null ? null : store.read(mapper -> AuthStore.find(mapper, identifier));
        lockouts.refuseBlockedAddress(origin, now);
        if (identity == null) {
            // §22: an unknown identifier costs the same hash and locks after the same failures as a known one
            lockouts.refuseUnknownLocked(identifierHash, origin, now);
            store.hasher().verifyDecoy(password);
            throw lockouts.unknownIdentifierFailed(origin, identifierHash, now, AuthProblems.invalidCredentials());
        }
        lockouts.refuseLocked(identity, origin, identifierHash, now);
        if (!store.hasher().verify(password == null ? "" : password, identity.passwordHash)) {
            lockouts.failedLogin(origin, identifierHash, identity, identity.passwordHash == null ? "no-password" : "wrong-password", now);
            throw lockouts.lockedOr(identity, AuthProblems.invalidCredentials());
        }
        lockouts.refuseSuspended(identity, origin);
        if (store.hasher().needsRehash(identity.passwordHash)) {
            String fresh = store.hasher().hash(password);
            store.write(mapper -> {
                mapper.setPassword(identity.id, fresh, AuthStore.utc(now), identity.passwordChangeRequired);
                return null;
            });
        }
        Role role = Role.of(identity.role);
        LoginOutcome outcome = succeededLogin(identity, identifierHash, kind,
                role.isStaff() ? SessionStage.SECOND_FACTOR : SessionStage.LOGIN, origin, "password", now);
        if (role.isStaff()) {
            codes.issueCode(identity, CodePurpose.SECOND_FACTOR, outcome.session().id(), null, MessageChannel.SMS, codes.lifetime(), origin);
        }
        return outcome;
    }

    /** §25.1: phone number, then a one-time code to it. The answer is the same whether the phone is known or not. */
    void requestLoginCode(String typedPhone, Caller origin) {
        Instant now = store.now();
        String phone = Identifiers.phone(typedPhone);
        if (phone == null) {
            throw AuthProblems.invalidField("phone", LocalizedText.of("Телефон нөмірі халықаралық форматта болуы керек, мысалы +77011234567.",
                    "Номер телефона должен быть в международном формате, например +77011234567.",
                    "The phone number must be in international format, e.g. +77011234567."));
        }
        lockouts.refuseBlockedAddress(origin, now);
        // like recovery: whether the phone is known must not show in the answer's timing
        offPath.submit("login-code", () -> sendLoginCode(phone, origin));
    }

    void sendLoginCode(String phone, Caller origin) {
        Instant now = store.now();
        IdentityRow identity = store.read(mapper -> mapper.identityByPhone(phone));
        if (identity == null || !AuthStore.ACTIVE.equals(identity.status) || Role.of(identity.role).isStaff() || Lockouts.isLocked(identity, now)) {
            store.journal("auth.login-code.not-sent", identity == null ? "unknown" : identity.id, origin)
                    .detail("reason", identity == null ? "unknown-phone" : "not-eligible").record();
            return;
        }
        codes.quietly(() -> codes.issueCode(identity, CodePurpose.LOGIN, null, null, MessageChannel.SMS, codes.lifetime(), origin), identity, origin);
    }

    LoginOutcome loginWithCode(String typedPhone, String code, SessionKind kind, Caller origin) {
        Instant now = store.now();
        String phone = Identifiers.phone(typedPhone);
        byte[] identifierHash = Secrets.sha256(phone == null ? String.valueOf(typedPhone) : phone);
        IdentityRow identity = phone == null ? null : store.read(mapper -> mapper.identityByPhone(phone));
        lockouts.refuseBlockedAddress(origin, now);
        if (identity == null || Role.of(identity.role).isStaff()) {
            lockouts.refuseUnknownLocked(identifierHash, origin, now);
            throw lockouts.unknownIdentifierFailed(origin, identifierHash, now, AuthProblems.codeInvalid());
        }
        lockouts.refuseLocked(identity, origin, identifierHash, now);
        OneTimeCodes.CodeCheck check = codes.checkLatestCode(identity, CodePurpose.LOGIN, code, now);
        if (check != OneTimeCodes.CodeCheck.OK) {
            lockouts.failedLogin(origin, identifierHash, check == OneTimeCodes.CodeCheck.WRONG ? identity : null, "code-" + check.name().toLowerCase(), now);
            throw lockouts.lockedOr(identity, AuthProblems.codeInvalid());
        }
        lockouts.refuseSuspended(identity, origin);
        return succeededLogin(identity, identifierHash, kind, SessionStage.LOGIN, origin, "phone-code", now);
    }

    LoginOutcome succeededLogin(IdentityRow identity, byte[] identifierHash, SessionKind kind, SessionStage stage,
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
        row.createdAt = AuthStore.utc(now);
        row.lastSeenAt = AuthStore.utc(now);
        row.absoluteExpiry = AuthStore.utc(now.plus(Duration.ofHours(store.config().session_absolute_hours())));
        store.write(mapper -> {
            if (identity.failedAttempts != 0) {
                // §42 counts consecutive failures; one round trip saved on the usual login without any
                mapper.clearFailures(identity.id);
            }
            mapper.insertAttempt(origin.address(), identifierHash, true, AuthStore.utc(now));
            mapper.insertSession(row);
            store.journal("auth.login.succeeded", identity.id, origin).detail("session", row.id).detail("method", method)
                    .detail("kind", kind.name()).detail("stage", stage.name()).record();
            return null;
        });
        return new LoginOutcome(LiveSessions.session(row, identity), token, csrf, row.absoluteExpiry.toInstant(ZoneOffset.UTC));
    }
}
