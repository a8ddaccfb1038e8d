package kz.qyzmet.messaging.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A gateway for one or more channels: SMS, push, e-mail and Telegram bundles
 * implement this and register it with {@value #CHANNEL_PROPERTY} naming the
 * channels served. For each channel the platform uses the service with the
 * highest ranking, so a real gateway replaces the platform's outbox simply by
 * being installed.
 */
@ConsumerType
public interface MessageChannel {
    /** Service property naming the channels served (a string or an array of them). */
    String CHANNEL_PROPERTY = "qyzmet.message.channel";
    String SMS = "sms";
    String PUSH = "push";
    String EMAIL = "email";
    String TELEGRAM = "telegram";

    /**
     * Hands the message to the gateway. Throwing tells the platform it did not go
     * out: a code is then void and the client is told to try again.
     */
    void deliver(Message message) throws Exception;
}
