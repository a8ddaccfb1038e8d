package kz.qyzmet.auth.api;

/**
 * A message carrying a one-time code to one recipient.
 *
 * @param channel   {@link OtpChannel#SMS}, {@link OtpChannel#PUSH} or {@link OtpChannel#EMAIL}
 * @param recipient E.164 phone number, e-mail address, or the identity id for push
 * @param purpose   why the code was sent, e.g. {@code login}, {@code confirmation}
 * @param text      the full text in the recipient's language; it starts with the code
 * @param sessionId the session the code was asked for in (second factor, security session,
 *                  confirmation), or null for codes asked without one (activation, recovery,
 *                  login by phone): a channel that shows codes on screen, as the dev outbox
 *                  does, shows them to that session only
 * @deprecated since 1.5, with {@link OtpChannel}: {@code kz.qyzmet.messaging.api.Message}
 */
@Deprecated
public record OtpMessage(String channel, String recipient, String purpose, String text, String sessionId) {

    /** A message asked for outside any session. */
    public OtpMessage(String channel, String recipient, String purpose, String text) {
        this(channel, recipient, purpose, text, null);
    }
}
