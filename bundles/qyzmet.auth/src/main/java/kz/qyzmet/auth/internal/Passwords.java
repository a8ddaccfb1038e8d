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
 * Passwords (rules §22, §41, §44): activation with the code sent at onboarding,
 * recovery by a code to the e-mail or phone (nothing revealed about whether the
 * account exists, not even by timing), and a logged-in change; every other
 * session ends.
 */
final class Passwords {
    private final AuthStore store;
    private final OneTimeCodes codes;
    private final Lockouts lockouts;
    private final LiveSessions sessions;
    private final OffPath offPath;

    Passwords(AuthStore store, OneTimeCodes codes, Lockouts lockouts, LiveSessions sessions, OffPath offPath) {
        this.store = store;
        this.codes = codes;
        this.lockouts = lockouts;
        this.sessions = sessions;
        this.offPath = offPath;
    }

    /**
     * §22: a recovery code to the e-mail or phone; the answer never says whether
     * the account exists, not even by its timing: the request is only queued here,
     * the look-up and the sending happen off the request path.
     */
    void requestRecovery(String typedIdentifier, String channel, Caller origin) {
        offPath.submit("recovery", () -> recover(typedIdentifier, channel, origin));
    }

    void recover(String typedIdentifier, String channel, Caller origin) {
        Instant now = store.now();
        Identifiers.Identifier identifier = Identifiers.parse(typedIdentifier);
        IdentityRow identity = identifier == null ? null : store.read(mapper -> AuthStore.find(mapper, identifier));
        if (identity == null || AuthStore.SUSPENDED.equals(identity.status) || Lockouts.isLocked(identity, now)) {
            store.journal("auth.recovery.not-sent", identity == null ? "unknown" : identity.id, origin)
                    .detail("reason", identity == null ? "unknown-identifier" : identity.status.toLowerCase()).record();
            return;
        }
        String via = MessageChannel.EMAIL.equals(channel) && identity.email != null || identity.phone == null
                ? MessageChannel.EMAIL : MessageChannel.SMS;
        codes.quietly(() -> codes.issueCode(identity, CodePurpose.RECOVERY, null, null, via, codes.lifetime(), origin), identity, origin);
    }

    /** §22, §44: a new password with the recovery code; every session of the account ends. */
    void completeRecovery(String typedIdentifier, String code, String newPassword, Caller origin) {
        setPasswordWithCode(typedIdentifier, code, newPassword, CodePurpose.RECOVERY, origin);
    }

    /** Onboarding: the activation code the client received sets the first password (§41). */
    void activate(String typedIdentifier, String code, String newPassword, Caller origin) {
        setPasswordWithCode(typedIdentifier, code, newPassword, CodePurpose.ACTIVATION, origin);
    }

    void setPasswordWithCode(String typedIdentifier, String code, String newPassword, CodePurpose purpose,
            Caller origin) {
        Instant now = store.now();
        Identifiers.Identifier identifier = Identifiers.parse(typedIdentifier);
        IdentityRow identity = identifier == null ? null : store.read(mapper -> AuthStore.find(mapper, identifier));
        // unknown, locked or suspended accounts get the same answer as a wrong code (§22: nothing revealed)
        if (identity == null || Lockouts.isLocked(identity, now) || AuthStore.SUSPENDED.equals(identity.status)
                || purpose == CodePurpose.ACTIVATION && !AuthStore.PENDING.equals(identity.status)) {
            store.journal("auth." + purpose.name().toLowerCase() + ".refused", identity == null ? "unknown" : identity.id, origin)
                    .detail("reason", identity == null ? "unknown-identifier" : "not-eligible").record();
            throw AuthProblems.codeInvalid();
        }
        List<PasswordPolicy.Violation> violations = PasswordPolicy.check(newPassword, identity.login, identity.email,
                identity.displayName);
        OneTimeCodes.CodeCheck check = store.write(mapper -> {
            CodeRow row = mapper.lockLatestCode(identity.id, purpose.name());
            if (row == null) {
                return OneTimeCodes.CodeCheck.UNKNOWN;
            }
            // a valid code with a password the policy refuses stays usable for the next try
            OneTimeCodes.CodeCheck result = codes.verify(mapper, row, code, now, violations.isEmpty());
            if (result == OneTimeCodes.CodeCheck.OK && violations.isEmpty()) {
                mapper.setPassword(identity.id, store.hasher().hash(newPassword), AuthStore.utc(now), false);
                mapper.clearFailures(identity.id);
                if (purpose == CodePurpose.ACTIVATION) {
                    mapper.setStatus(identity.id, AuthStore.ACTIVE, AuthStore.utc(now));
                }
                store.journal("auth.password.set", identity.id, origin).detail("via", purpose.name().toLowerCase()).record();
                sessions.endAllSessions(identity.id, purpose.name().toLowerCase(), origin, now);
            }
            return result;
        });
        if (check != OneTimeCodes.CodeCheck.OK) {
            lockouts.failedCode(identity, origin, purpose, check, now);
            throw AuthProblems.codeInvalid();
        }
        if (!violations.isEmpty()) {
            throw AuthProblems.passwordPolicy(violations);
        }
    }

    /** A logged-in identity changes its password; the other sessions end. */
    void changePassword(Session session, String currentPassword, String newPassword, Caller origin) {
        Instant now = store.now();
        IdentityRow identity = store.read(mapper -> mapper.identity(session.identityId()));
        lockouts.refuseLocked(identity, origin, null, now);
        // after a compromise reset (§44) there is no current password: the login by code proved the phone
        boolean resetByCompromise = identity.passwordHash == null && identity.passwordChangeRequired;
        if (!resetByCompromise && !store.hasher().verify(currentPassword == null ? "" : currentPassword, identity.passwordHash)) {
            lockouts.registerFailure(identity, origin, "wrong-current-password", now);
            throw lockouts.lockedOr(identity, AuthProblems.invalidCredentials());
        }
        List<PasswordPolicy.Violation> violations = PasswordPolicy.check(newPassword, identity.login, identity.email,
                identity.displayName);
        if (!violations.isEmpty()) {
            throw AuthProblems.passwordPolicy(violations);
        }
        if (currentPassword != null && currentPassword.equals(newPassword)) {
            throw AuthProblems.invalidField("newPassword", LocalizedText.of("Жаңа құпиясөз ескісімен бірдей.",
                    "Новый пароль совпадает с прежним.", "The new password is the same as the old one."));
        }
        String hash = store.hasher().hash(newPassword);
        store.write(mapper -> {
            mapper.setPassword(identity.id, hash, AuthStore.utc(now), false);
            for (String other : mapper.liveSessionIds(identity.id)) {
                if (!other.equals(session.id())) {
                    mapper.endSession(other, AuthStore.utc(now), "password-changed");
                }
            }
            store.journal("auth.password.changed", identity.id, origin).record();
            return null;
        });
    }
}
