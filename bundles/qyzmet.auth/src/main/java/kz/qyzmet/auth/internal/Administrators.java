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
 * The administrator accounts the platform itself creates: the first one on a
 * fresh installation, and the one {@code reset-admin} restores when the last
 * administrator is locked out.
 */
final class Administrators {
    private final AuthStore store;
    private final LiveSessions sessions;

    Administrators(AuthStore store, LiveSessions sessions) {
        this.store = store;
        this.sessions = sessions;
    }

    /** Creates the first administrator when there is none, with a known or generated password. */
    Optional<String> bootstrapAdministrator(Caller system) {
        if (store.read(AuthMapper::countAdmins) > 0) {
            return Optional.empty();
        }
        Instant now = store.now();
        String configured = store.config().admin_password();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? Secrets.token().substring(0, 20) + "!9a" : configured;
        IdentityRow row = administrator(Identifiers.phone(store.config().admin_phone()), store.hasher().hash(password), generated, system, now);
        row.email = Identifiers.email(store.config().admin_email());
        boolean created = store.write(mapper -> {
            if (mapper.countAdmins() != 0) {
                return false; // another node was first
            }
            mapper.insertIdentity(row);
            store.journal("auth.identity.created", row.id, system).detail("role", "admin").detail("login", row.login)
                    .detail("bootstrap", true).record();
            return true;
        });
        if (!created) {
            return Optional.empty();
        }
        return generated ? Optional.of(password) : Optional.of("");
    }

    /** A new active administrator with the configured login. */
    IdentityRow administrator(String phone, String passwordHash, boolean changeRequired, Caller system, Instant now) {
        IdentityRow row = new IdentityRow();
        row.id = UUID.randomUUID().toString();
        row.login = Identifiers.login(store.config().admin_login());
        row.phone = phone;
        row.role = Role.ADMIN.name();
        row.displayName = "Administrator";
        row.language = Language.DEFAULT.tag();
        row.passwordHash = passwordHash;
        row.passwordChangedAt = AuthStore.utc(now);
        row.passwordChangeRequired = changeRequired;
        row.status = AuthStore.ACTIVE;
        row.statusChangedAt = AuthStore.utc(now);
        row.createdAt = AuthStore.utc(now);
        row.createdBy = system.identity();
        return row;
    }

    /**
     * The way back in for the last administrator: whoever can write to the data
     * directory ({@code java -jar qyzmet.jar reset-admin}) gives the configured
     * administrator login a new password that must be changed at first login,
     * lifts its lock and suspension, optionally sets its phone, and ends its
     * sessions. Creates the administrator if it is gone.
     */
    void resetAdministrator(String password, String phone, Caller system) {
        Instant now = store.now();
        String login = Identifiers.login(store.config().admin_login());
        String hash = store.hasher().hash(password);
        String normalisedPhone = phone == null || phone.isBlank() ? null : Identifiers.phone(phone);
        if (phone != null && !phone.isBlank() && normalisedPhone == null) {
            throw new IllegalArgumentException("not an E.164 phone number: " + phone);
        }
        IdentityRow existing = store.read(mapper -> mapper.identityByLogin(login));
        if (existing == null) {
            IdentityRow row = administrator(normalisedPhone, hash, true, system, now);
            store.write(mapper -> {
                mapper.insertIdentity(row);
                store.journal("auth.identity.admin-reset", row.id, system).detail("created", true).record();
                return null;
            });
            return;
        }
        store.write(mapper -> {
            mapper.setPassword(existing.id, hash, AuthStore.utc(now), true);
            mapper.setStatus(existing.id, AuthStore.ACTIVE, AuthStore.utc(now));
            mapper.setLock(existing.id, null);
            mapper.setRole(existing.id, Role.ADMIN.name());
            if (normalisedPhone != null) {
                mapper.setPhone(existing.id, normalisedPhone);
            }
            store.journal("auth.identity.admin-reset", existing.id, system).detail("formerStatus", existing.status)
                    .detail("formerRole", existing.role).detail("phoneChanged", normalisedPhone != null).record();
            sessions.endAllSessions(existing.id, "admin-reset", system, now);
            return null;
        });
    }
}
