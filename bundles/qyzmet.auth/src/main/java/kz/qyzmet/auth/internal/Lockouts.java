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
 * Who may not try now (rules §42, §43): an account locked after consecutive
 * failures, an identifier nobody has locked the same way (§22: an unknown
 * identifier must answer like a known one), an address from which too many
 * different logins failed, and a client who suspended their services (§27).
 * Failures that count towards a lock commit before the refusal is thrown.
 */
final class Lockouts {
    private final AuthStore store;
    private final AddressRanges allowList;

    Lockouts(AuthStore store, AddressRanges allowList) {
        this.store = store;
        this.allowList = allowList;
    }

    /**
     * §43: a blocked address is refused, with the reason and until when (§29). It
     * changes nobody's credentials: behind a proxy or a carrier's NAT many clients
     * share one address, and an attacker who got it blocked must not be able to
     * void the password of whoever logs in from there next (§44 is read in README).
     */
    void refuseBlockedAddress(Caller origin, Instant now) {
        if (allowList.contains(origin.address())) {
            return;
        }
        AddressBlockRow block = store.read(mapper -> mapper.addressBlock(origin.address()));
        if (block == null || block.liftedAt != null || !now.isBefore(block.blockedUntil.toInstant(ZoneOffset.UTC))) {
            return;
        }
        Instant until = block.blockedUntil.toInstant(ZoneOffset.UTC);
        store.journal("auth.login.refused", origin.address(), origin).detail("reason", "address-blocked")
                .detail("until", until.toString()).record();
        throw new ProblemException(403, AuthProblems.ADDRESS_BLOCKED, LocalizedText.of(
                "Бұл IP мекенжайынан әртүрлі логиндермен кіру әрекеттері жасалды, ол {until} дейін бұғатталды.",
                "С этого IP-адреса были попытки входа под разными логинами; он заблокирован до {until}.",
                "Logins with different accounts were tried from this address; it is blocked until {until}.")
                .format(Map.of("until", until)), Map.of("blockedUntil", until.toString()), Map.of());
    }

    /** Like {@link #refuseLocked} for an identifier nobody has: five failures lock it as they would an account (§22). */
    void refuseUnknownLocked(byte[] identifierHash, Caller origin, Instant now) {
        LocalDateTime until = store.read(mapper -> mapper.unknownIdentifierLock(identifierHash));
        if (until == null || !now.isBefore(until.toInstant(ZoneOffset.UTC))) {
            return;
        }
        store.write(mapper -> {
            mapper.insertAttempt(origin.address(), identifierHash, false, AuthStore.utc(now));
            store.journal("auth.login.refused", "unknown", origin).detail("reason", "account-locked").record();
            return null;
        });
        throw AuthProblems.accountLocked(until.toInstant(ZoneOffset.UTC));
    }

    /** A failed login with an identifier nobody has: counted like an account's (§42), so its answers are the same. */
    ProblemException unknownIdentifierFailed(Caller origin, byte[] identifierHash, Instant now,
            ProblemException otherwise) {
        LocalDateTime lockUntil = AuthStore.utc(now.plus(Duration.ofMinutes(store.config().lock_minutes())));
        LocalDateTime locked = store.write(mapper -> {
            mapper.recordUnknownFailure(identifierHash, store.config().lock_threshold(), lockUntil);
            failedLogin(origin, identifierHash, null, "unknown-identifier", now);
            return mapper.unknownIdentifierLock(identifierHash);
        });
        return locked != null && now.isBefore(locked.toInstant(ZoneOffset.UTC)) ? AuthProblems.accountLocked(locked.toInstant(ZoneOffset.UTC))
                : otherwise;
    }

    void refuseLocked(IdentityRow identity, Caller origin, byte[] identifierHash, Instant now) {
        if (!isLocked(identity, now)) {
            return;
        }
        store.write(mapper -> {
            if (identifierHash != null) {
                mapper.insertAttempt(origin.address(), identifierHash, false, AuthStore.utc(now));
            }
            store.journal("auth.login.refused", identity.id, origin).detail("reason", "account-locked").record();
            return null;
        });
        throw AuthProblems.accountLocked(identity.lockedUntil.toInstant(ZoneOffset.UTC));
    }

    void refuseSuspended(IdentityRow identity, Caller origin) {
        if (!AuthStore.SUSPENDED.equals(identity.status)) {
            return;
        }
        store.journal("auth.login.refused", identity.id, origin).detail("reason", "suspended").record();
        throw new ProblemException(403, AuthProblems.SUSPENDED, LocalizedText.of(
                "Қызмет көрсету сіздің өтінішіңіз бойынша тоқтатылған. Қайта бастау үшін жеке басыңызды куәландыратын құжатпен брокер кеңсесіне келіңіз.",
                "Обслуживание приостановлено по вашему поручению. Чтобы возобновить его, придите в офис брокера с документом, удостоверяющим личность.",
                "Your services are suspended at your request. To resume them, come to the broker's office with your identity document."));
    }

    static boolean isLocked(IdentityRow identity, Instant now) {
        return identity.lockedUntil != null && now.isBefore(identity.lockedUntil.toInstant(ZoneOffset.UTC));
    }

    /** Counts a failed password or code (§42); the lock, when it falls, is recorded. */
    void registerFailure(IdentityRow identity, Caller origin, String reason, Instant now) {
        LocalDateTime lockUntil = AuthStore.utc(now.plus(Duration.ofMinutes(store.config().lock_minutes())));
        IdentityRow after = store.write(mapper -> {
            mapper.recordFailure(identity.id, store.config().lock_threshold(), lockUntil);
            IdentityRow counted = mapper.identity(identity.id);
            store.journal("auth.authentication.failed", identity.id, origin).detail("reason", reason).record();
            if (isLocked(counted, now) && !isLocked(identity, now)) {
                store.journal("auth.account.locked", identity.id, origin)
                        .detail("until", counted.lockedUntil.toInstant(ZoneOffset.UTC).toString()).detail("rule", "§42").record();
            }
            return counted;
        });
        if (isLocked(after, now) && !isLocked(identity, now)) {
            identity.lockedUntil = after.lockedUntil;
        }
    }

    void failedCode(IdentityRow identity, Caller origin, CodePurpose purpose, OneTimeCodes.CodeCheck check, Instant now) {
        registerFailure(identity, origin, purpose.name().toLowerCase() + "-code-" + check.name().toLowerCase(), now);
    }

    /** A failed login: counts for the account (§42) and for the address (§43). */
    void failedLogin(Caller origin, byte[] identifierHash, IdentityRow identity, String reason, Instant now) {
        store.write(mapper -> {
            mapper.insertAttempt(origin.address(), identifierHash, false, AuthStore.utc(now));
            if (identity != null) {
                registerFailure(identity, origin, reason, now);
            } else {
                store.journal("auth.login.failed", "unknown", origin).detail("reason", reason).record();
            }
            if (allowList.contains(origin.address())) {
                return null;
            }
            LocalDateTime since = AuthStore.utc(now.minus(Duration.ofMinutes(store.config().address_window_minutes())));
            int logins = mapper.distinctFailedLogins(origin.address(), since);
            if (logins >= store.config().address_distinct_logins()) {
                Instant until = now.plus(Duration.ofHours(store.config().address_block_hours()));
                mapper.blockAddress(origin.address(), AuthStore.utc(now), AuthStore.utc(until), logins);
                store.journal("auth.address.blocked", origin.address(), origin).detail("until", until.toString())
                        .detail("loginsTried", logins).detail("rule", "§43").record();
            }
            return null;
        });
    }

    ProblemException lockedOr(IdentityRow identity, ProblemException otherwise) {
        return isLocked(identity, store.now()) ? AuthProblems.accountLocked(identity.lockedUntil.toInstant(ZoneOffset.UTC)) : otherwise;
    }
}
