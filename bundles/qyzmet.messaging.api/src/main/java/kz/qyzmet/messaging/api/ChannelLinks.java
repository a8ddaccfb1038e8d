package kz.qyzmet.messaging.api;

import java.time.Instant;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

import kz.qyzmet.common.api.Caller;

/**
 * A messenger the client links to the account by sending a one-time link code
 * to the broker's bot (Telegram): the bundle serving that channel registers this
 * next to its {@link MessageChannel}, with the same {@value MessageChannel#CHANNEL_PROPERTY}.
 * Linking and unlinking are the client's instructions (§7.2: security settings
 * change by instruction); the link itself is made when the bot receives the
 * right code from a chat, before it expires.
 */
@ConsumerType
public interface ChannelLinks {

    /** The channel this links, e.g. {@link MessageChannel#TELEGRAM}. */
    String channel();

    /**
     * Opens a link for the client, replacing any still pending: the code to send
     * to the bot. Called in the transaction of the confirmed instruction.
     */
    LinkCode open(String clientId, String instructionId, Caller caller);

    /** The client's pending link, not yet used and not expired, with its code again (for the client's own page). */
    Optional<LinkCode> pending(String clientId);

    /** The client's link in force. */
    Optional<Link> linked(String clientId);

    /** Ends the client's link in force (and any pending one); false when there was none. */
    boolean unlink(String clientId, Caller caller);

    /**
     * A code to send to the bot.
     *
     * @param code      what the client sends, e.g. {@code K7QM-4TXZ}
     * @param address   where to send it, e.g. {@code https://t.me/QyzmetBrokerBot?start=K7QM4TXZ}
     * @param bot       the bot's name as the messenger shows it, e.g. {@code @QyzmetBrokerBot}
     * @param expiresAt when the code stops binding
     */
    record LinkCode(String code, String address, String bot, Instant expiresAt) {
    }

    /**
     * A link in force.
     *
     * @param recipient the address messages go to on the channel (the chat id)
     * @param shownAs   what the client recognises it by (the messenger's user name), never a secret
     * @param linkedAt  when the bot received the right code
     */
    record Link(String channel, String recipient, String shownAs, Instant linkedAt) {
    }
}
