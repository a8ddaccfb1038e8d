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
import kz.qyzmet.messaging.api.Message;
import kz.qyzmet.messaging.api.MessageChannel;
import kz.qyzmet.messaging.api.Messaging;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;

/**
 * One-time codes (rules §25, §35, §40): issued for a purpose (login, second
 * factor, security session, confirmation bound to a digest, activation,
 * recovery), stored only as an HMAC under the platform's code key, sent through
 * the message router (SMS, push, e-mail, or the messenger the client linked), single use, short-lived,
 * with limited attempts and an hourly rate per identity and purpose.
 */
final class OneTimeCodes {
    private final AuthStore store;
    final byte[] codeKey;
    private final Messaging messaging;

    OneTimeCodes(AuthStore store, byte[] codeKey, Messaging messaging) {
        this.store = store;
        this.codeKey = codeKey;
        this.messaging = messaging;
    }

    enum CodeCheck {
        OK, WRONG, EXPIRED, USED, EXHAUSTED, UNKNOWN, MISMATCH, OTHER_SESSION, NOT_SECURITY
    }

    Duration lifetime() {
        return Duration.ofSeconds(store.config().code_lifetime_seconds());
    }

    Instant issueCode(IdentityRow identity, CodePurpose purpose, String sessionId, String subject, String channel,
            Duration lifetime, Caller origin) {
        CodeRow row = newCode(identity, purpose, sessionId, channel, lifetime);
        row.subject = subject;
        return sendCode(identity, row, null, origin);
    }

    CodeRow newCode(IdentityRow identity, CodePurpose purpose, String sessionId, String channel, Duration lifetime) {
        Instant now = store.now();
        CodeRow row = new CodeRow();
        row.id = UUID.randomUUID().toString();
        row.identityId = identity.id;
        row.purpose = purpose.name();
        row.sessionId = sessionId;
        row.channel = channel;
        row.createdAt = AuthStore.utc(now);
        row.expiresAt = AuthStore.utc(now.plus(lifetime));
        return row;
    }

    /** Stores the code's HMAC, then hands the text to the channel; a code that did not go out is void. */
    Instant sendCode(IdentityRow identity, CodeRow row, LocalizedText summary, Caller origin) {
        return sendCode(identity, row, summary, origin, null);
    }

    /** The same to another recipient than the identity's own (a new phone or e-mail to prove). */
    Instant sendCode(IdentityRow identity, CodeRow row, LocalizedText summary, Caller origin, String to) {
        Instant now = row.createdAt.toInstant(ZoneOffset.UTC);
        String code = Secrets.code();
        row.codeHash = Secrets.hmac(codeKey, row.id + ":" + code);
        CodePurpose purpose = CodePurpose.valueOf(row.purpose);
        String recipient = to != null ? to : switch (row.channel) {
            case MessageChannel.EMAIL -> identity.email;
            case MessageChannel.PUSH -> identity.id;
            default -> identity.phone;
        };
        Language language = Language.fromTag(identity.language);
        Message message = new Message(row.channel, recipient, purpose.name().toLowerCase(),
                purpose.text(code, summary, language), row.sessionId);
        if (to == null && purpose.followsLinkedMessenger()) {
            // issue 16: a client who linked a messenger gets the codes of their own session there instead of by SMS
            message = messaging.routed(identity.clientId, message);
            row.channel = message.channel();
        }
        Message outgoing = message;
        boolean rateLimited = store.write(mapper -> {
            int limit = purpose == CodePurpose.CONFIRMATION ? store.config().confirmation_codes_per_hour() : store.config().codes_per_hour();
            if (mapper.countCodesSince(identity.id, row.purpose, AuthStore.utc(now.minus(Duration.ofHours(1)))) >= limit) {
                return true;
            }
            if (purpose != CodePurpose.CONFIRMATION) {
                mapper.voidCodes(identity.id, row.purpose, AuthStore.utc(now));
            }
            mapper.insertCode(row);
            store.journal("auth.code.issued", identity.id, origin).detail("purpose", row.purpose).detail("channel", row.channel)
                    .detail("challenge", row.id).detail("subject", row.subject).detail("digest", row.digest).record();
            return false;
        });
        if (rateLimited) {
            store.journal("auth.code.rate-limited", identity.id, origin).detail("purpose", row.purpose).record();
            throw new ProblemException(429, AuthProblems.CODE_RATE, LocalizedText.of(
                    "Соңғы сағатта тым көп код сұралды. Кейінірек қайталаңыз.",
                    "За последний час запрошено слишком много кодов. Повторите позже.",
                    "Too many codes were requested in the last hour. Try again later."), Map.of(),
                    Map.of("Retry-After", "3600"));
        }
        try {
            messaging.send(outgoing);
        } catch (Exception e) {
            store.write(mapper -> {
                int voided = mapper.useCode(row.id, AuthStore.utc(now));
                store.journal("auth.code.not-delivered", identity.id, origin).detail("purpose", row.purpose).detail("challenge", row.id)
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

    CodeCheck checkLatestCode(IdentityRow identity, CodePurpose purpose, String code, Instant now) {
        return store.write(mapper -> {
            CodeRow row = mapper.lockLatestCode(identity.id, purpose.name());
            return row == null ? CodeCheck.UNKNOWN : verify(mapper, row, code, now);
        });
    }

    CodeCheck checkSessionCode(IdentityRow identity, CodePurpose purpose, String sessionId, String code, Instant now) {
        return store.write(mapper -> {
            CodeRow row = mapper.lockLatestCode(identity.id, purpose.name());
            if (row == null || !sessionId.equals(row.sessionId)) {
                return CodeCheck.UNKNOWN;
            }
            return verify(mapper, row, code, now);
        });
    }

    CodeCheck verify(AuthMapper mapper, CodeRow row, String code, Instant now) {
        return verify(mapper, row, code, now, true);
    }

    /** Single use, limited life, limited attempts; compared as HMACs in constant time. */
    CodeCheck verify(AuthMapper mapper, CodeRow row, String code, Instant now, boolean consume) {
        if (row.usedAt != null) {
            return CodeCheck.USED;
        }
        if (!now.isBefore(row.expiresAt.toInstant(ZoneOffset.UTC))) {
            return CodeCheck.EXPIRED;
        }
        if (row.attempts >= store.config().code_attempts()) {
            return CodeCheck.EXHAUSTED;
        }
        if (code == null || !Secrets.same(row.codeHash, Secrets.hmac(codeKey, row.id + ":" + code.strip()))) {
            mapper.countCodeAttempt(row.id);
            return CodeCheck.WRONG;
        }
        if (consume) {
            mapper.useCode(row.id, AuthStore.utc(now));
        }
        return CodeCheck.OK;
    }

    /** Flows that must not reveal whether an account exists swallow the rate-limit and delivery refusals (audited). */
    void quietly(Runnable send, IdentityRow identity, Caller origin) {
        try {
            send.run();
        } catch (ProblemException e) {
            store.journal("auth.code.not-sent", identity.id, origin).detail("reason", e.type().slug()).record();
        }
    }

    /** The key codes are hashed with: configured file, or generated once into the data directory. */
    static byte[] codeKey(AuthConfiguration config, BundleContext context) throws IOException {
        Path file;
        if (config.code_key_file() != null && !config.code_key_file().isBlank()) {
            file = Path.of(config.code_key_file());
        } else {
            String dataDir = context.getProperty(AuthComponent.DATA_DIR);
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
