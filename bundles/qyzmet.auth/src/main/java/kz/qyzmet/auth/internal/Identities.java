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
 * Identity administration (rules §12, §14, §20, §27–§31, §44): onboarding with
 * an activation code, the client's own suspension, reinstatement after an office
 * visit, compromise, unlocking, address blocks. Staff identities are
 * administered by administrators only.
 */
final class Identities {
    /** Client numbers as the ledger and client records know them (a UUID, DEMO-0001, …). */
    static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final AuthStore store;
    private final OneTimeCodes codes;
    private final LiveSessions sessions;

    Identities(AuthStore store, OneTimeCodes codes, LiveSessions sessions) {
        this.store = store;
        this.codes = codes;
        this.sessions = sessions;
    }

    /** §27, §28: the client suspends their own services; effective at once, every session ends. */
    void suspendSelf(Session session, Caller origin) {
        if (session.role().isStaff()) {
            // §27 is the client's instruction; staff accounts are suspended by an administrator
            throw new ProblemException(403, CommonProblems.FORBIDDEN, LocalizedText.of(
                    "Қызметті тоқтату — клиенттің нұсқамасы; қызметкер тіркелгісін әкімші тоқтатады.",
                    "Приостановление обслуживания — поручение клиента; учётную запись сотрудника приостанавливает администратор.",
                    "Suspending services is a client's instruction; a staff account is suspended by an administrator."));
        }
        Instant now = store.now();
        store.write(mapper -> {
            mapper.setStatus(session.identityId(), AuthStore.SUSPENDED, AuthStore.utc(now));
            store.journal("auth.identity.suspended", session.identityId(), origin).detail("by", "client").record();
            sessions.endAllSessions(session.identityId(), "suspended", origin, now);
            return null;
        });
    }

    /** §31: services resume only after the client came to the office in person; the operator records the visit. */
    IdentityView reinstate(String identityId, OfficeVisit visit, Caller operator) {
        Instant now = store.now();
        IdentityRow before = store.requireIdentity(identityId);
        requireMayActOn(before, operator, "reinstate");
        store.write(mapper -> {
            mapper.setStatus(identityId, before.passwordHash == null && AuthStore.PENDING.equals(before.status) ? AuthStore.PENDING : AuthStore.ACTIVE,
                    AuthStore.utc(now));
            mapper.setLock(identityId, null);
            store.journal("auth.identity.reinstated", identityId, operator).detail("office", visit.office())
                    .detail("visitedAt", visit.visitedAt().toString()).detail("document", visit.documentType())
                    .detail("formerStatus", before.status).record();
            return null;
        });
        return view(store.requireIdentity(identityId), now);
    }

    /**
     * §44: suspected compromise. The password stops working at once, every
     * session ends, and the next login (by phone code or recovery) must set a
     * new one.
     */
    void compromise(String identityId, String reason, Caller actor) {
        Instant now = store.now();
        requireMayActOn(store.requireIdentity(identityId), actor, "compromise");
        store.write(mapper -> {
            mapper.setPassword(identityId, null, AuthStore.utc(now), true);
            store.journal("auth.identity.compromised", identityId, actor).detail("reason", reason).record();
            sessions.endAllSessions(identityId, "compromise", actor, now);
            return null;
        });
    }

    /** Onboarding (§12, §14, §20): an operator creates the identity; the activation code goes to the phone. */
    IdentityView createIdentity(NewIdentity request, Caller operator) {
        Instant now = store.now();
        Role role = request.role() == null ? Role.CLIENT : request.role();
        if (role.isStaff() && !Role.ADMIN.id().equals(operator.role())) {
            throw new ProblemException(403, CommonProblems.FORBIDDEN, LocalizedText.of(
                    "Қызметкер тіркелгісін тек әкімші жасай алады.", "Учётную запись сотрудника может создать только администратор.",
                    "Only an administrator can create staff accounts."));
        }
        IdentityRow row = contactsChecked(request);
        if (role == Role.CLIENT && (request.clientId() == null || request.clientId().isBlank())) {
            throw AuthProblems.invalidField("clientId", LocalizedText.of("Клиент тіркелгісі клиент жазбасына байланысуы керек.",
                    "Учётная запись клиента должна быть связана с записью клиента.",
                    "A client account must be linked to a client record."));
        }
        if (role == Role.CLIENT && !CLIENT_ID.matcher(request.clientId()).matches()) {
            throw AuthProblems.invalidField("clientId", LocalizedText.of(
                    "Клиент нөмірі 1–64 таңба: латын әріптері, цифрлар, нүкте, сызықша.",
                    "Номер клиента: 1–64 символа — латинские буквы, цифры, точка, дефис, подчёркивание.",
                    "The client number: 1–64 characters — Latin letters, digits, dot, dash, underscore."));
        }
        row.role = role.name();
        row.clientId = role == Role.CLIENT ? request.clientId() : null;
        row.displayName = request.displayName();
        row.language = (request.language() == null ? Language.DEFAULT : request.language()).tag();
        row.status = AuthStore.PENDING;
        row.statusChangedAt = AuthStore.utc(now);
        row.createdAt = AuthStore.utc(now);
        row.createdBy = operator.identity();
        try {
            store.write(mapper -> {
                mapper.insertIdentity(row);
                store.journal("auth.identity.created", row.id, operator).detail("role", role.id()).detail("login", row.login)
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
        codes.issueCode(row, CodePurpose.ACTIVATION, null, null, MessageChannel.SMS,
                Duration.ofHours(store.config().activation_lifetime_hours()), operator);
        return view(row, now);
    }


    /** A new identity's row with its login, e-mail and phone checked (§22: the phone is required). */
    private static IdentityRow contactsChecked(NewIdentity request) {
        IdentityRow row = new IdentityRow();
        row.id = UUID.randomUUID().toString();
        row.login = AuthProblems.required("login", Identifiers.login(request.login()), LocalizedText.of(
                "Логин 3–64 таңба: латын әріптері, цифрлар, нүкте, сызықша; әріптен немесе цифрдан басталады.",
                "Логин: 3–64 символа — латинские буквы, цифры, точка, дефис, подчёркивание; начинается с буквы или цифры.",
                "Login: 3–64 characters — Latin letters, digits, dot, dash, underscore; starting with a letter or digit."));
        row.email = request.email() == null ? null : AuthProblems.required("email", Identifiers.email(request.email()),
                LocalizedText.of("E-mail мекенжайы қате.", "Неверный адрес e-mail.", "Invalid e-mail address."));
        row.phone = request.phone() == null ? null : AuthProblems.required("phone", Identifiers.phone(request.phone()),
                LocalizedText.of("Телефон нөмірі халықаралық форматта болуы керек, мысалы +77011234567.",
                        "Номер телефона должен быть в международном формате, например +77011234567.",
                        "The phone number must be in international format, e.g. +77011234567."));
        if (row.phone == null) {
            // §22: the mobile number is required — codes and recovery go there
            throw AuthProblems.invalidField("phone", LocalizedText.of("Телефон нөмірі міндетті.", "Номер телефона обязателен.",
                    "The phone number is required."));
        }
        return row;
    }

    /**
     * Dev and demo mode only (rules §4): a newcomer signs up to the demo version
     * with no contract and can sign in at once with the password chosen (§41).
     */
    String signUpDemo(kz.qyzmet.auth.api.DemoIdentities.SignUp signUp, Caller caller) {
        Instant now = store.now();
        IdentityRow row = contactsChecked(new NewIdentity(signUp.login(), signUp.email(), signUp.phone(), Role.CLIENT,
                null, signUp.displayName(), signUp.language()));
        String password = signUp.password() == null ? "" : signUp.password();
        List<PasswordPolicy.Violation> violations = PasswordPolicy.check(password, row.login, row.email, signUp.displayName());
        if (!violations.isEmpty()) {
            throw AuthProblems.passwordPolicy(violations);
        }
        row.role = Role.CLIENT.name();
        row.clientId = "DEMO-" + DEMO_IDS.next();
        row.displayName = signUp.displayName() == null || signUp.displayName().isBlank() ? row.login
                : signUp.displayName().strip();
        row.language = (signUp.language() == null ? Language.DEFAULT : signUp.language()).tag();
        row.passwordHash = store.hasher().hash(password);
        row.passwordChangedAt = AuthStore.utc(now);
        row.status = AuthStore.ACTIVE;
        row.statusChangedAt = AuthStore.utc(now);
        row.createdAt = AuthStore.utc(now);
        row.createdBy = caller.identity();
        try {
            store.write(mapper -> {
                mapper.insertIdentity(row);
                store.journal("auth.identity.created", row.id, caller).detail("role", Role.CLIENT.id())
                        .detail("login", row.login).detail("clientId", row.clientId).detail("demo", true)
                        .detail("signUp", true).record();
                return null;
            });
        } catch (RuntimeException e) {
            if (String.valueOf(e.getMessage()).contains("Duplicate entry")) {
                throw new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of(
                        "Мұндай логин, e-mail немесе телефон тіркелген.", "Такой логин, e-mail или телефон уже зарегистрирован.",
                        "This login, e-mail or phone is taken."), java.util.Map.of("reason", "TAKEN"), java.util.Map.of());
            }
            throw e;
        }
        return row.clientId;
    }

    /** Demo client ids: eight characters no one mistakes for another (no 0/O, 1/I). */
    private static final class DemoIds {
        private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
        private final java.security.SecureRandom random = new java.security.SecureRandom();

        String next() {
            char[] id = new char[8];
            for (int i = 0; i < id.length; i++) {
                id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
            }
            return new String(id);
        }
    }

    private static final DemoIds DEMO_IDS = new DemoIds();

    /**
     * Dev and demo mode only (rules §4, a demo version to learn the system):
     * an active identity with a published password, created once; an identity
     * with that login that already exists is left as it is.
     */
    boolean seedDemoIdentity(NewIdentity identity, String password, Caller system) {
        if (store.read(mapper -> mapper.identityByLogin(Identifiers.login(identity.login()))) != null) {
            return false;
        }
        Instant now = store.now();
        IdentityRow row = new IdentityRow();
        row.id = UUID.randomUUID().toString();
        row.login = Identifiers.login(identity.login());
        row.email = Identifiers.email(identity.email());
        row.phone = Identifiers.phone(identity.phone());
        row.role = identity.role().name();
        row.clientId = identity.role() == Role.CLIENT ? identity.clientId() : null;
        row.displayName = identity.displayName();
        row.language = identity.language().tag();
        row.passwordHash = store.hasher().hash(password);
        row.passwordChangedAt = AuthStore.utc(now);
        row.status = AuthStore.ACTIVE;
        row.statusChangedAt = AuthStore.utc(now);
        row.createdAt = AuthStore.utc(now);
        row.createdBy = system.identity();
        store.write(mapper -> {
            mapper.insertIdentity(row);
            store.journal("auth.identity.created", row.id, system).detail("role", identity.role().id()).detail("login", row.login)
                    .detail("clientId", row.clientId).detail("demo", true).record();
            return null;
        });
        return true;
    }

    IdentityView identityView(String identityId) {
        return view(store.requireIdentity(identityId), store.now());
    }

    List<IdentityView> identities(int limit, int offset) {
        Instant now = store.now();
        return store.read(mapper -> mapper.identities(limit, offset)).stream().map(row -> view(row, now)).toList();
    }

    void unlock(String identityId, Caller operator) {
        requireMayActOn(store.requireIdentity(identityId), operator, "unlock");
        store.write(mapper -> {
            mapper.setLock(identityId, null);
            store.journal("auth.identity.unlocked", identityId, operator).record();
            return null;
        });
    }

    List<AddressBlockRow> addressBlocks() {
        LocalDateTime now = AuthStore.utc(store.now());
        return store.read(mapper -> mapper.activeAddressBlocks(now));
    }

    boolean liftAddressBlock(String address, Caller operator) {
        Instant now = store.now();
        int lifted = store.write(mapper -> {
            int count = mapper.liftAddressBlock(address, AuthStore.utc(now), operator.identity());
            mapper.forgetFailedAttempts(address);
            if (count > 0) {
                store.journal("auth.address.unblocked", address, operator).record();
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

    IdentityView view(IdentityRow row, Instant now) {
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
    void requireMayActOn(IdentityRow target, Caller actor, String action) {
        if (Role.of(target.role).isStaff() && !Role.ADMIN.id().equals(actor.role())) {
            store.journal("auth.identity.action-refused", target.id, actor).detail("action", action)
                    .detail("reason", "staff-identity").record();
            throw new ProblemException(403, CommonProblems.FORBIDDEN, LocalizedText.of(
                    "Қызметкер тіркелгісімен тек әкімші әрекет ете алады.",
                    "Действия с учётной записью сотрудника доступны только администратору.",
                    "Only an administrator can act on a staff account."));
        }
    }
}
