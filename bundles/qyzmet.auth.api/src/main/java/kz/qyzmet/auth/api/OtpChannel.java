package kz.qyzmet.auth.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Delivers one-time codes: SMS, push or e-mail gateways implement this in
 * bundles of their own and register it with the service property
 * {@value #CHANNEL_PROPERTY} naming the channel. For each channel the platform
 * uses the service with the highest ranking, so a real gateway replaces the
 * platform's outbox simply by being installed.
 *
 * @deprecated since 1.5: write a {@code kz.qyzmet.messaging.api.MessageChannel}, which carries notices as well as
 *             codes; the platform's router still delivers through services of this interface by the same ranking.
 */
@Deprecated
@ConsumerType
public interface OtpChannel {
    /** Service property naming the channel served. */
    String CHANNEL_PROPERTY = "qyzmet.otp.channel";
    String SMS = "sms";
    String PUSH = "push";
    String EMAIL = "email";

    /**
     * Hands the message to the gateway. Throwing tells the platform the code did not
     * go out; the client is told to try again.
     */
    void deliver(OtpMessage message) throws Exception;
}
