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
 * What every part of authentication shares: the database (all state is there,
 * so every node enforces the same locks and sees the same sessions), the audit
 * journal written in the same transaction as each change, the configuration,
 * the password hasher and the clock.
 */
final class AuthStore {
    static final String ACTIVE = "ACTIVE";
    static final String PENDING = "PENDING";
    static final String SUSPENDED = "SUSPENDED";

    private final Database database;
    private final AuditJournal audit;
    private final AuthConfiguration config;
    private final PasswordHasher hasher;
    final Supplier<Instant> clock;

    AuthStore(Database database, AuditJournal audit, AuthConfiguration config, Supplier<Instant> clock) {
        this.database = database;
        this.audit = audit;
        this.config = config;
        this.hasher = new PasswordHasher(config.argon2_memory_kib(), config.argon2_iterations(), config.argon2_parallelism());
        this.clock = clock;
    }

    AuthConfiguration config() {
        return config;
    }

    PasswordHasher hasher() {
        return hasher;
    }

    Instant now() {
        return clock.get();
    }

    AuditRecord journal(String type, String subject, Caller origin) {
        return new AuditRecord(AuditEvent.builder(type, subject).by(origin));
    }

    /** An audit event being built, recorded with {@link #record()}. */
    final class AuditRecord {
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

    <T> T read(Function<AuthMapper, T> work) {
        return database.read(session -> work.apply(mapper(session)));
    }

    <T> T write(Function<AuthMapper, T> work) {
        return database.inTransaction(session -> work.apply(mapper(session)));
    }

    static AuthMapper mapper(SqlSession session) {
        return session.getMapper(AuthMapper.class);
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static IdentityRow find(AuthMapper mapper, Identifiers.Identifier identifier) {
        return switch (identifier.kind()) {
            case EMAIL -> mapper.identityByEmail(identifier.value());
            case PHONE -> mapper.identityByPhone(identifier.value());
            case LOGIN -> mapper.identityByLogin(identifier.value());
        };
    }

    IdentityRow requireIdentity(String identityId) {
        IdentityRow row = read(mapper -> mapper.identity(identityId));
        if (row == null) {
            throw new ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of("Тіркелгі табылмады.",
                    "Учётная запись не найдена.", "No such account."));
        }
        return row;
    }

    static boolean isStaff(String role) {
        return java.util.Arrays.stream(Role.values()).anyMatch(known -> known.isStaff() && known.id().equals(role));
    }
}
