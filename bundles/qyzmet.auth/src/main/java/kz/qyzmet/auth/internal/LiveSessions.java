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
 * Sessions as they live (rules §36, §38): found by their token, touched while
 * used, ended by logout, by their idle or absolute time, or all at once when the
 * password changes or the account is suspended or compromised — on every node,
 * since they are rows in the database.
 */
final class LiveSessions implements Sessions {
    static final Duration TOUCH_INTERVAL = Duration.ofSeconds(30);

    private final AuthStore store;

    /** A session found by its token, with the CSRF token hash the web needs checked. */
    record ResolvedSession(Session session, byte[] csrfHash) {
    }

    LiveSessions(AuthStore store) {
        this.store = store;
    }

    /** The live session of a token; ends (and records) a session whose idle or absolute time ran out. */
    Optional<ResolvedSession> resolve(String token, Caller origin) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = store.now();
        byte[] tokenHash = Secrets.sha256(token);
        SessionRow row = store.read(mapper -> mapper.sessionByToken(tokenHash));
        if (row == null) {
            return Optional.empty();
        }
        String expired = expiry(row, now);
        if (expired != null) {
            endSession(row.id, expired, origin, now);
            return Optional.empty();
        }
        if (Duration.between(row.lastSeenAt.toInstant(ZoneOffset.UTC), now).compareTo(TOUCH_INTERVAL) > 0) {
            store.write(mapper -> {
                mapper.touchSession(row.id, AuthStore.utc(now));
                return null;
            });
        }
        IdentityRow identity = store.read(mapper -> mapper.identity(row.identityId));
        return Optional.of(new ResolvedSession(session(row, identity), row.csrfHash));
    }

    @Override
    public Optional<Session> find(String sessionId) {
        Instant now = store.now();
        return Optional.ofNullable(store.read(mapper -> {
            SessionRow row = mapper.liveSession(sessionId);
            return row == null || expiry(row, now) != null ? null : session(row, mapper.identity(row.identityId));
        }));
    }

    String expiry(SessionRow row, Instant now) {
        if (!now.isBefore(row.absoluteExpiry.toInstant(ZoneOffset.UTC))) {
            return "absolute-timeout";
        }
        Instant idleEnd = row.lastSeenAt.toInstant(ZoneOffset.UTC).plus(Duration.ofMinutes(store.config().session_idle_minutes()));
        return now.isBefore(idleEnd) ? null : "idle-timeout";
    }

    /** §38: logout ends the login session and with it the security session, at once, on every node. */
    void logout(Session session, Caller origin) {
        endSession(session.id(), "logout", origin, store.now());
    }

    void endSession(String sessionId, String reason, Caller origin, Instant now) {
        store.write(mapper -> {
            int ended = mapper.endSession(sessionId, AuthStore.utc(now), reason);
            if (ended > 0) {
                store.journal("auth.session.closed", sessionId, origin).detail("reason", reason).record();
            }
            return ended;
        });
    }

    int endAllSessions(String identityId, String reason, Caller origin, Instant now) {
        return store.write(mapper -> {
            int ended = mapper.endAllSessions(identityId, AuthStore.utc(now), reason);
            if (ended > 0) {
                store.journal("auth.sessions.closed", identityId, origin).detail("reason", reason).detail("sessions", ended).record();
            }
            return ended;
        });
    }

    static Session session(SessionRow row, IdentityRow identity) {
        return new Session(row.id, identity.id, identity.login, Role.of(identity.role), identity.clientId,
                Language.fromTag(identity.language), SessionKind.valueOf(row.kind), SessionStage.valueOf(row.stage),
                row.securityMethod == null ? null : SecurityMethod.valueOf(row.securityMethod),
                identity.passwordChangeRequired, row.createdAt.toInstant(ZoneOffset.UTC));
    }
}
