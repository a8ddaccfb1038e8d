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
 * Per-operation confirmation (rules §25.2, §35.3, §40): a code bound to one
 * instruction's digest, sent to the client's app (push) or phone; a manager's
 * prepared instruction is signed by the client with a code to the registered
 * phone. Wrong codes count towards the §42 lock.
 */
final class Confirmations implements OperationConfirmations {
    static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

    private final AuthStore store;
    private final OneTimeCodes codes;
    private final Lockouts lockouts;

    Confirmations(AuthStore store, OneTimeCodes codes, Lockouts lockouts) {
        this.store = store;
        this.codes = codes;
        this.lockouts = lockouts;
    }

    @Override
    public ConfirmationChallenge request(Session session, ConfirmationRequest request) {
        if (session == null || !session.isSecurity()) {
            throw AuthProblems.securitySessionRequired();
        }
        validate(request);
        IdentityRow identity = store.read(mapper -> mapper.identity(session.identityId()));
        String channel = session.kind() == SessionKind.APP ? MessageChannel.PUSH : MessageChannel.SMS;
        Caller origin = new Caller(session.login(), session.role().id(), "", "", "");
        return challenge(identity, session.id(), request, null, channel, origin);
    }

    @Override
    public ConfirmationChallenge requestSignature(String clientId, ConfirmationRequest request, Caller manager) {
        if (manager == null || !AuthStore.isStaff(manager.role())) {
            throw new ProblemException(403, CommonProblems.FORBIDDEN, LocalizedText.of(
                    "Нұсқаманы тек менеджер дайындай алады.", "Подготовить поручение может только менеджер.",
                    "Only a manager can prepare an instruction."));
        }
        validate(request);
        IdentityRow identity = store.read(mapper -> mapper.identityByClient(clientId));
        if (identity == null || identity.phone == null || !AuthStore.ACTIVE.equals(identity.status)) {
            throw new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of(
                    "Клиенттің белсенді тіркелгісі мен тіркелген телефоны жоқ.",
                    "У клиента нет активной учётной записи с зарегистрированным телефоном.",
                    "The client has no active account with a registered phone."));
        }
        // §40: remote instructions are verified with a code to the registered phone
        return challenge(identity, null, request, manager.identity(), MessageChannel.SMS, manager);
    }

    ConfirmationChallenge challenge(IdentityRow identity, String sessionId, ConfirmationRequest request,
            String preparedBy, String channel, Caller origin) {
        CodeRow row = codes.newCode(identity, CodePurpose.CONFIRMATION, sessionId, channel, codes.lifetime());
        row.subject = request.subject();
        row.digest = request.digest();
        row.preparedBy = preparedBy;
        Instant expires = codes.sendCode(identity, row, request.summary(), origin);
        return new ConfirmationChallenge(row.id, row.subject, row.digest, channel, expires);
    }

    @Override
    public Confirmation confirm(Session session, String challengeId, String digest, String code) {
        return confirm(session, challengeId, digest, code, null);
    }

    @Override
    public Confirmation confirm(Session session, String challengeId, String digest, String code, Caller caller) {
        if (session == null || session.stage() == SessionStage.SECOND_FACTOR) {
            throw AuthProblems.sessionRequired();
        }
        Instant now = store.now();
        // the record of a confirmation keeps where it came from (address, correlation id) when the caller is known
        Caller origin = caller != null ? caller : new Caller(session.login(), session.role().id(), "", "", "");
        IdentityRow identity = store.read(mapper -> mapper.identity(session.identityId()));
        lockouts.refuseLocked(identity, origin, null, now);
        CodeRow[] found = new CodeRow[1];
        OneTimeCodes.CodeCheck check = store.write(mapper -> {
            CodeRow row = challengeId == null ? null : mapper.lockCode(challengeId);
            if (row == null || !CodePurpose.CONFIRMATION.name().equals(row.purpose)
                    || !row.identityId.equals(session.identityId())) {
                return OneTimeCodes.CodeCheck.UNKNOWN;
            }
            found[0] = row;
            if (row.sessionId != null && !row.sessionId.equals(session.id())) {
                return OneTimeCodes.CodeCheck.OTHER_SESSION;
            }
            if (row.preparedBy == null && !session.isSecurity()) {
                return OneTimeCodes.CodeCheck.NOT_SECURITY;
            }
            if (!row.digest.equals(digest)) {
                // dynamic linking: the content confirmed now is not the content the code was sent for
                mapper.countCodeAttempt(row.id);
                return OneTimeCodes.CodeCheck.MISMATCH;
            }
            OneTimeCodes.CodeCheck result = codes.verify(mapper, row, code, now);
            if (result == OneTimeCodes.CodeCheck.OK) {
                // the code is spent and its use recorded in one transaction
                store.journal("auth.confirmation.confirmed", challengeId, origin).detail("subject", row.subject)
                        .detail("digest", digest).detail("session", session.id()).detail("preparedBy", row.preparedBy).record();
            }
            return result;
        });
        if (check != OneTimeCodes.CodeCheck.OK) {
            lockouts.failedCode(identity, origin, CodePurpose.CONFIRMATION, check, now);
            if (check == OneTimeCodes.CodeCheck.NOT_SECURITY) {
                throw AuthProblems.securitySessionRequired();
            }
            if (check == OneTimeCodes.CodeCheck.MISMATCH) {
                throw new ProblemException(409, AuthProblems.CONFIRMATION_MISMATCH, LocalizedText.of(
                        "Бұл код басқа мазмұнды растауға жіберілген. Нұсқаманы қайта растауды сұраңыз.",
                        "Этот код был отправлен для подтверждения другого содержания. Запросите подтверждение заново.",
                        "This code was sent to confirm different content. Request a new confirmation."));
            }
            throw lockouts.lockedOr(identity, AuthProblems.codeInvalid());
        }
        CodeRow row = found[0];
        return new Confirmation(challengeId, row.subject, digest, session.identityId(), session.id(), row.preparedBy, now);
    }

    static void validate(ConfirmationRequest request) {
        if (request == null || request.subject() == null || request.subject().isBlank() || request.subject().length() > 128
                || request.digest() == null || !DIGEST.matcher(request.digest()).matches() || request.summary() == null) {
            throw new IllegalArgumentException(
                    "a confirmation needs a subject (≤ 128 characters), a lower-case hex SHA-256 digest and a summary");
        }
    }
}
