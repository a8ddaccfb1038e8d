package kz.qyzmet.channel.telegram.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.messaging.api.ChannelLinks;
import kz.qyzmet.messaging.api.MessageChannel;
import kz.qyzmet.persistence.api.Database;

/**
 * Telegram links (issue 16, §7.2: security settings change by instruction): the
 * confirmed instruction opens a link with a code that binds for
 * {@code link_minutes}; the bot binds the chat that sends it, once. A chat that
 * sends wrong codes is refused for the rest of the hour after
 * {@code refusals_per_hour} of them, so codes cannot be guessed. Every opening,
 * binding, refusal and ending is journalled in its transaction, the chat only
 * as a digest.
 */
final class TelegramLinks implements ChannelLinks {
    private final Database database;
    private final AuditJournal audit;
    private final Clock clock;
    private final LinkCodes codes;
    private final TelegramConfiguration configuration;

    TelegramLinks(Database database, AuditJournal audit, Clock clock, LinkCodes codes, TelegramConfiguration configuration) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        this.codes = codes;
        this.configuration = configuration;
    }

    /** What the bot answers a chat, in the three languages (the bot does not know the client's yet). */
    record Reply(boolean linked, LocalizedText text) {
        String inAll() {
            return text.in(kz.qyzmet.common.api.Language.KK) + "\n" + text.in(kz.qyzmet.common.api.Language.RU) + "\n"
                    + text.in(kz.qyzmet.common.api.Language.EN);
        }
    }

    @Override
    public String channel() {
        return MessageChannel.TELEGRAM;
    }

    @Override
    public LinkCode open(String clientId, String instructionId, Caller caller) {
        Instant now = clock.instant();
        LinkRow row = new LinkRow();
        row.id = UUID.randomUUID().toString();
        row.clientId = clientId;
        row.instructionId = instructionId;
        row.codeDigest = codes.digest(LinkCodes.normalise(codes.code(row.id)));
        row.openedAt = utc(now);
        row.expiresAt = utc(now.plus(Duration.ofMinutes(configuration.link_minutes())));
        database.inTransaction(session -> {
            TelegramMapper mapper = session.getMapper(TelegramMapper.class);
            for (LinkRow open : mapper.openOf(clientId)) {
                if (open.linkedAt == null) {
                    mapper.end(open.id, row.openedAt); // a newer code replaces a pending one; a link in force stays until bound anew
                }
            }
            mapper.insert(row);
            audit.record(AuditEvent.builder("telegram.link.opened", row.id).by(caller).detail("client", clientId)
                    .detail("instruction", instructionId).detail("expiresAt", row.expiresAt.toString()).build());
            return null;
        });
        return codeOf(row);
    }

    @Override
    public Optional<LinkCode> pending(String clientId) {
        return Optional.ofNullable(database.read(session -> session.getMapper(TelegramMapper.class)
                .pendingOf(clientId, utc(clock.instant())))).map(this::codeOf);
    }

    @Override
    public Optional<Link> linked(String clientId) {
        return Optional.ofNullable(database.read(session -> session.getMapper(TelegramMapper.class).linkedOf(clientId)))
                .map(row -> new Link(MessageChannel.TELEGRAM, row.chatId, row.shownAs, row.linkedAt.toInstant(ZoneOffset.UTC)));
    }

    @Override
    public boolean unlink(String clientId, Caller caller) {
        return database.inTransaction(session -> {
            TelegramMapper mapper = session.getMapper(TelegramMapper.class);
            LocalDateTime now = utc(clock.instant());
            boolean wasLinked = false;
            for (LinkRow open : mapper.openOf(clientId)) {
                mapper.end(open.id, now);
                wasLinked |= open.linkedAt != null;
                if (open.linkedAt != null) {
                    audit.record(AuditEvent.builder("telegram.unlinked", open.id).by(caller).detail("client", clientId)
                            .detail("chat", chatDigestHex(open.chatId)).build());
                }
            }
            return wasLinked;
        });
    }

    /**
     * A chat sent {@code text} to the bot: binds it to the link whose code it is,
     * or refuses with the reason. The earlier link in force of that client ends
     * with the new one.
     */
    Reply received(String chatId, String shownAs, String text) {
        byte[] chat = chatDigest(chatId);
        return database.inTransaction(session -> {
            TelegramMapper mapper = session.getMapper(TelegramMapper.class);
            Instant now = clock.instant();
            if (mapper.refusalsSince(chat, utc(now.minus(Duration.ofHours(1)))) >= configuration.refusals_per_hour()) {
                audit.record(AuditEvent.builder("telegram.link.refused", HexFormat.of().formatHex(chat))
                        .detail("reason", "rate-limited").build());
                return new Reply(false, LocalizedText.of(
                        "Тым көп қате код жіберілді. Бір сағаттан кейін қайталаңыз.",
                        "Отправлено слишком много неверных кодов. Повторите через час.",
                        "Too many wrong codes were sent. Try again in an hour."));
            }
            String code = LinkCodes.normalise(text);
            LinkRow row = code == null ? null : mapper.byCode(codes.digest(code));
            String reason = row == null ? "unknown" : row.endedAt != null || row.linkedAt != null ? "used"
                    : !row.expiresAt.isAfter(utc(now)) ? "expired" : null;
            if (reason != null) {
                mapper.refuse(chat, utc(now));
                audit.record(AuditEvent.builder("telegram.link.refused", HexFormat.of().formatHex(chat))
                        .detail("reason", reason).detail("link", row == null ? null : row.id).build());
                return new Reply(false, "expired".equals(reason) ? LocalizedText.of(
                        "Кодтың мерзімі өтті. Кабинеттегі қауіпсіздік баптауларында жаңа код алыңыз.",
                        "Срок действия кода истёк. Получите новый в настройках безопасности кабинета.",
                        "The code has expired. Get a new one in your cabinet's security settings.")
                        : LocalizedText.of(
                                "Бұл код танылмады. Кабинеттегі қауіпсіздік баптауларында көрсетілген кодты жіберіңіз.",
                                "Код не распознан. Отправьте код из настроек безопасности личного кабинета.",
                                "This code is not recognised. Send the code shown in your cabinet's security settings."));
            }
            for (LinkRow open : mapper.openOf(row.clientId)) {
                if (!open.id.equals(row.id) && open.linkedAt != null) {
                    mapper.end(open.id, utc(now));
                }
            }
            mapper.bind(row.id, chatId, shownAs == null ? null : shownAs.substring(0, Math.min(64, shownAs.length())), utc(now));
            audit.record(AuditEvent.builder("telegram.linked", row.id).detail("client", row.clientId)
                    .detail("instruction", row.instructionId).detail("chat", HexFormat.of().formatHex(chat)).build());
            return new Reply(true, LocalizedText.of(
                    "Telegram шотыңызға байланыстырылды: растау кодтары енді осында келеді. Егер бұл сіз болмасаңыз, брокерге хабарласыңыз.",
                    "Telegram привязан к вашему счёту: коды подтверждения теперь приходят сюда. Если это были не вы, свяжитесь с брокером.",
                    "Telegram is linked to your account: confirmation codes now come here. If this was not you, contact the broker."));
        });
    }

    /** Whether an update the bot API delivered is new (webhooks are retried). */
    boolean firstDelivery(long updateId) {
        return database.inTransaction(session -> session.getMapper(TelegramMapper.class).received(updateId, utc(clock.instant())) == 1);
    }

    private LinkCode codeOf(LinkRow row) {
        String code = codes.code(row.id);
        String bot = configuration.bot_username();
        return new LinkCode(code, "https://t.me/" + bot + "?start=" + code.replace("-", ""), "@" + bot,
                row.expiresAt.toInstant(ZoneOffset.UTC));
    }

    static byte[] chatDigest(String chatId) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(("telegram-chat:" + chatId).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String chatDigestHex(String chatId) {
        return chatId == null ? null : HexFormat.of().formatHex(chatDigest(chatId));
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
