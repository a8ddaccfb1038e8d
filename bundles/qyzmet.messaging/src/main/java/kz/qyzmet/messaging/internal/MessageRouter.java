package kz.qyzmet.messaging.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import kz.qyzmet.auth.api.ClientContacts;
import kz.qyzmet.auth.api.OtpChannel;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.auth.api.OtpMessage;
import kz.qyzmet.messaging.api.ChannelLinks;
import kz.qyzmet.messaging.api.Message;
import kz.qyzmet.messaging.api.MessageChannel;
import kz.qyzmet.messaging.api.Messaging;

/**
 * The router (issue 16): for each channel the highest-ranked gateway among the
 * message channels and the one-time code channels of auth.api 1.0 (still
 * honoured, so an SMS gateway written against it keeps working); a client who
 * linked a messenger gets there what would have gone by SMS.
 */
@Component(service = Messaging.class)
public class MessageRouter implements Messaging {
    private final Gateways<MessageChannel> channels = new Gateways<>(MessageChannel.CHANNEL_PROPERTY);
    @SuppressWarnings("deprecation")
    private final Gateways<OtpChannel> codeChannels = new Gateways<>(OtpChannel.CHANNEL_PROPERTY);
    private final Gateways<ChannelLinks> links = new Gateways<>(MessageChannel.CHANNEL_PROPERTY);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addChannel(MessageChannel channel, Map<String, Object> properties) {
        channels.add(channel, properties);
    }

    void removeChannel(MessageChannel channel) {
        channels.remove(channel);
    }

    @SuppressWarnings("deprecation")
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addCodeChannel(OtpChannel channel, Map<String, Object> properties) {
        codeChannels.add(channel, properties);
    }

    @SuppressWarnings("deprecation")
    void removeCodeChannel(OtpChannel channel) {
        codeChannels.remove(channel);
    }

    /** Where clients are reached (the auth bundle's identities); without it notices go nowhere. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ClientContacts contacts;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addLinks(ChannelLinks channelLinks, Map<String, Object> properties) {
        links.add(channelLinks, properties);
    }

    void removeLinks(ChannelLinks channelLinks) {
        links.remove(channelLinks);
    }

    @Override
    public Message routed(String clientId, Message message) {
        if (clientId == null || !MessageChannel.SMS.equals(message.channel())) {
            return message;
        }
        return linksOf(clientId).stream().filter(link -> channels.serving(link.channel()).isPresent()).findFirst()
                .map(link -> message.to(link.channel(), link.recipient())).orElse(message);
    }

    @Override
    @SuppressWarnings("deprecation")
    public void send(Message message) throws Exception {
        Optional<Gateways.Ranked<MessageChannel>> channel = channels.serving(message.channel());
        Optional<Gateways.Ranked<OtpChannel>> codeChannel = codeChannels.serving(message.channel());
        if (codeChannel.isPresent() && (channel.isEmpty() || codeChannel.get().outranks(channel.get()))) {
            codeChannel.get().service().deliver(new OtpMessage(message.channel(), message.recipient(), message.purpose(),
                    message.text(), message.sessionId()));
            return;
        }
        channel.orElseThrow(() -> new IllegalStateException("no message channel for " + message.channel())).service()
                .deliver(message);
    }

    @Override
    public Optional<Message> notify(String clientId, LocalizedText text) throws Exception {
        ClientContacts directory = contacts;
        ClientContacts.Contact contact = directory == null ? null : directory.of(clientId).orElse(null);
        if (contact == null) {
            return Optional.empty();
        }
        String body = text.in(contact.language());
        Message message = contact.phone() != null ? Message.notice(MessageChannel.SMS, contact.phone(), body)
                : contact.email() != null ? Message.notice(MessageChannel.EMAIL, contact.email(), body) : null;
        if (message == null) {
            return Optional.empty();
        }
        Message routed = routed(clientId, message);
        send(routed);
        return Optional.of(routed);
    }

    @Override
    public Optional<ChannelLinks> links(String channel) {
        return links.serving(channel).map(Gateways.Ranked::service);
    }

    @Override
    public List<ChannelLinks.Link> linksOf(String clientId) {
        return links.all().stream().map(channelLinks -> channelLinks.linked(clientId)).flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparing(ChannelLinks.Link::linkedAt).reversed()).toList();
    }
}
