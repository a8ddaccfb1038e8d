package kz.qyzmet.messaging.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The router every producer of messages uses (one-time codes, notices): it
 * picks the gateway and, for a client who linked a messenger, the address.
 */
@ProviderType
public interface Messaging {

    /**
     * The message as it should go to that client: to the messenger the client
     * linked ({@link ChannelLinks}) when it would have gone by SMS, else unchanged.
     * Callers route only what the client asked for in their own session (codes of
     * a security session or a confirmation, notices); a code proving a new phone
     * goes to that phone.
     */
    Message routed(String clientId, Message message);

    /**
     * Hands the message to the highest-ranked gateway of its channel.
     *
     * @throws IllegalStateException no gateway serves the channel
     * @throws Exception             the gateway's failure: the message did not go out
     */
    void send(Message message) throws Exception;

    /**
     * A notice to the client (a request completed, a form about to expire): in the
     * client's language, to the messenger they linked, else by SMS to their phone,
     * else by e-mail; the message as sent, or empty when the client has no way to be
     * reached (no identity, no phone, no e-mail).
     *
     * @throws Exception the gateway's failure: the notice did not go out
     */
    Optional<Message> notify(String clientId, kz.qyzmet.common.api.LocalizedText text) throws Exception;

    /** The linking service of a messenger channel, when a bundle serving it is installed. */
    Optional<ChannelLinks> links(String channel);

    /** The client's links in force, on every linkable channel. */
    List<ChannelLinks.Link> linksOf(String clientId);
}
