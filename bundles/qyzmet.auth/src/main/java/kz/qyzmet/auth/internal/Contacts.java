package kz.qyzmet.auth.internal;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import kz.qyzmet.auth.api.ContactChanges;
import kz.qyzmet.messaging.api.MessageChannel;
import kz.qyzmet.auth.api.Session;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;

/**
 * A client's new phone or e-mail: proven with a code sent to it (purpose
 * CONTACT, remembered as the digest of channel and recipient), and taken as a
 * login identifier when staff accept the change of personal data (§7.2, §20).
 * The journal gets digests, never the phone or address (issue #16).
 */
final class Contacts implements ContactChanges {
    private final AuthStore store;
    private final OneTimeCodes codes;

    Contacts(AuthStore store, OneTimeCodes codes) {
        this.store = store;
        this.codes = codes;
    }

    @Override
    public Optional<String> normalise(String channel, String value) {
        return Optional.ofNullable(switch (channel == null ? "" : channel) {
        case MessageChannel.SMS -> Identifiers.phone(value);
        case MessageChannel.EMAIL -> Identifiers.email(value);
        default -> null;
        });
    }

    @Override
    public Instant sendProof(Session session, String channel, String recipient, Caller origin) {
        String to = required(channel, recipient);
        IdentityRow identity = store.read(mapper -> mapper.identity(session.identityId()));
        IdentityRow holder = store.read(mapper -> MessageChannel.SMS.equals(channel) ? mapper.identityByPhone(to)
                : mapper.identityByEmail(to));
        if (holder != null && !holder.id.equals(identity.id)) {
            store.journal("auth.contact.taken", identity.id, origin).detail("channel", channel).detail("digest",
                    digest(channel, to)).record();
            throw taken();
        }
        CodeRow row = codes.newCode(identity, CodePurpose.CONTACT, session.id(), channel, codes.lifetime());
        row.subject = digest(channel, to);
        return codes.sendCode(identity, row, null, origin, to);
    }

    @Override
    public void prove(Session session, String channel, String recipient, String code, Caller origin) {
        String subject = digest(channel, required(channel, recipient));
        Instant now = store.now();
        // the proof (or the attempt counted) and its journal record commit together
        OneTimeCodes.CodeCheck check = store.write(mapper -> {
            CodeRow row = mapper.lockLatestCode(session.identityId(), CodePurpose.CONTACT.name());
            OneTimeCodes.CodeCheck result = row == null || !subject.equals(row.subject) ? OneTimeCodes.CodeCheck.UNKNOWN
                    : codes.verify(mapper, row, code, now, false);
            if (result == OneTimeCodes.CodeCheck.OK) {
                mapper.proveCode(row.id, AuthStore.utc(now));
            }
            store.journal(result == OneTimeCodes.CodeCheck.OK ? "auth.contact.proven" : "auth.contact.refused",
                    session.identityId(), origin).detail("channel", channel).detail("digest", subject)
                    .detail("result", result.name()).record();
            return result;
        });
        if (check != OneTimeCodes.CodeCheck.OK) {
            throw AuthProblems.codeInvalid();
        }
    }

    @Override
    public boolean proven(String clientId, String channel, String recipient, Instant since) {
        Optional<String> to = normalise(channel, recipient);
        return to.isPresent() && store.read(mapper -> {
            IdentityRow identity = mapper.identityByClient(clientId);
            return identity != null && mapper.countProven(identity.id, digest(channel, to.get()), AuthStore.utc(since)) > 0;
        });
    }

    @Override
    public void change(String clientId, String phone, String email, Caller actor) {
        String newPhone = phone == null ? null : normalise(MessageChannel.SMS, phone).orElseThrow(() -> new IllegalArgumentException(
                "not a phone number"));
        String newEmail = email == null ? null : normalise(MessageChannel.EMAIL, email).orElseThrow(
                () -> new IllegalArgumentException("not an e-mail address"));
        store.write(mapper -> {
            IdentityRow identity = mapper.lockIdentityByClient(clientId);
            if (identity == null) {
                return null; // a client without a login yet: the record alone changes
            }
            if (newPhone != null && !newPhone.equals(identity.phone)) {
                IdentityRow holder = mapper.identityByPhone(newPhone);
                if (holder != null && !holder.id.equals(identity.id)) {
                    throw taken();
                }
                mapper.setPhone(identity.id, newPhone);
            }
            if (newEmail != null && !newEmail.equals(identity.email)) {
                IdentityRow holder = mapper.identityByEmail(newEmail);
                if (holder != null && !holder.id.equals(identity.id)) {
                    throw taken();
                }
                mapper.setEmail(identity.id, newEmail);
            }
            store.journal("auth.identity.contacts-changed", identity.id, actor)
                    .detail("phone", newPhone == null ? null : digest(MessageChannel.SMS, newPhone))
                    .detail("email", newEmail == null ? null : digest(MessageChannel.EMAIL, newEmail)).record();
            return null;
        });
    }

    private String required(String channel, String recipient) {
        if (!MessageChannel.SMS.equals(channel) && !MessageChannel.EMAIL.equals(channel)) {
            throw AuthProblems.invalidField("channel", LocalizedText.of("Арна: sms немесе email.", "Канал: sms или email.",
                    "Channel: sms or email."));
        }
        return normalise(channel, recipient).orElseThrow(() -> AuthProblems.invalidField("recipient",
                MessageChannel.SMS.equals(channel) ? LocalizedText.of("Телефон нөмірі +7 701 123 45 67 түрінде болуы керек.",
                        "Номер телефона — в виде +7 701 123 45 67.", "A phone number like +7 701 123 45 67.")
                        : LocalizedText.of("E-mail мекенжайы қате.", "Неверный адрес e-mail.", "Not an e-mail address.")));
    }

    static String digest(String channel, String recipient) {
        return HexFormat.of().formatHex(Secrets.sha256(channel + ":" + recipient));
    }

    private static ProblemException taken() {
        return new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of(
                "Бұл байланыс басқа тіркелгіде қолданылады.", "Этот контакт уже используется другой учётной записью.",
                "This contact is used by another account."), Map.of("reason", "CONTACT_TAKEN"), Map.of());
    }
}
