package kz.qyzmet.messaging.api;

/**
 * One message to one recipient.
 *
 * @param channel   {@link MessageChannel#SMS}, {@link MessageChannel#PUSH}, {@link MessageChannel#EMAIL},
 *                  {@link MessageChannel#TELEGRAM} or another channel a bundle serves
 * @param recipient the address on that channel: E.164 phone number, e-mail address, identity id for push, chat id
 * @param purpose   why it is sent: a code's purpose ({@code login}, {@code confirmation}, …) or {@code notice}
 * @param text      the full text in the recipient's language; a code's text starts with the code
 * @param sessionId the session a code was asked for in, or null: a channel that shows messages on screen (the dev
 *                  outbox) shows them to that session only
 */
public record Message(String channel, String recipient, String purpose, String text, String sessionId) {
    /** The purpose of messages that carry no code. */
    public static final String NOTICE = "notice";

    public Message {
        if (channel == null || channel.isBlank() || recipient == null || recipient.isBlank() || text == null) {
            throw new IllegalArgumentException("a message needs a channel, a recipient and a text");
        }
    }

    /** A notice, asked for outside any session. */
    public static Message notice(String channel, String recipient, String text) {
        return new Message(channel, recipient, NOTICE, text, null);
    }

    /** The same message to another address on another channel. */
    public Message to(String otherChannel, String otherRecipient) {
        return new Message(otherChannel, otherRecipient, purpose, text, sessionId);
    }
}
