package kz.qyzmet.auth.api;

/**
 * A message carrying a one-time code to one recipient.
 *
 * @param channel   {@link OtpChannel#SMS}, {@link OtpChannel#PUSH} or {@link OtpChannel#EMAIL}
 * @param recipient E.164 phone number, e-mail address, or the identity id for push
 * @param purpose   why the code was sent, e.g. {@code login}, {@code confirmation}
 * @param text      the full text in the recipient's language; it starts with the code
 */
public record OtpMessage(String channel, String recipient, String purpose, String text) {
}
