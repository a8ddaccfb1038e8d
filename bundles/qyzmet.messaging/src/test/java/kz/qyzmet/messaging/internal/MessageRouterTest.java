package kz.qyzmet.messaging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;

import kz.qyzmet.auth.api.OtpChannel;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.messaging.api.ChannelLinks;
import kz.qyzmet.messaging.api.Message;
import kz.qyzmet.messaging.api.MessageChannel;

@SuppressWarnings("deprecation")
class MessageRouterTest {
    private final MessageRouter router = new MessageRouter();
    private final List<String> delivered = new ArrayList<>();

    private MessageChannel channel(String name) {
        return message -> delivered.add(name + ":" + message.channel() + ":" + message.recipient());
    }

    private static Map<String, Object> serving(String channel, int ranking, long id) {
        return Map.of(MessageChannel.CHANNEL_PROPERTY, new String[] { channel }, Constants.SERVICE_RANKING, ranking,
                Constants.SERVICE_ID, id);
    }

    @Test
    void theHighestRankedGatewayOfTheChannelDeliversWhicheverApiItWasWrittenFor() throws Exception {
        router.addChannel(channel("outbox"), serving(MessageChannel.SMS, -1000, 1L));
        router.send(Message.notice(MessageChannel.SMS, "+77010000001", "x"));
        assertEquals(List.of("outbox:sms:+77010000001"), delivered);

        // a gateway written against auth.api 1.0 still takes its channel over by ranking
        OtpChannel legacy = message -> delivered.add("legacy:" + message.channel() + ":" + message.recipient());
        router.addCodeChannel(legacy, Map.of(OtpChannel.CHANNEL_PROPERTY, OtpChannel.SMS, Constants.SERVICE_RANKING, 10,
                Constants.SERVICE_ID, 2L));
        router.send(Message.notice(MessageChannel.SMS, "+77010000001", "x"));
        assertEquals("legacy:sms:+77010000001", delivered.get(1));

        MessageChannel gateway = channel("gateway");
        router.addChannel(gateway, serving(MessageChannel.SMS, 20, 3L));
        router.send(Message.notice(MessageChannel.SMS, "+77010000001", "x"));
        assertEquals("gateway:sms:+77010000001", delivered.get(2));

        router.removeChannel(gateway);
        router.removeCodeChannel(legacy);
        router.send(Message.notice(MessageChannel.SMS, "+77010000001", "x"));
        assertEquals("outbox:sms:+77010000001", delivered.get(3));
    }

    @Test
    void equalRankingsAreDecidedByServiceOrderNotArrival() throws Exception {
        router.addChannel(channel("second"), serving(MessageChannel.EMAIL, 0, 8L));
        router.addChannel(channel("first"), serving(MessageChannel.EMAIL, 0, 5L));
        router.send(Message.notice(MessageChannel.EMAIL, "a@b.kz", "x"));
        assertEquals(List.of("first:email:a@b.kz"), delivered);
    }

    @Test
    void noGatewayIsAnErrorNotASilentDrop() {
        assertThrows(IllegalStateException.class, () -> router.send(Message.notice("fax", "1", "x")));
    }

    @Test
    void aLinkedMessengerTakesWhatWouldHaveGoneBySmsOnlyWhileItsGatewayIsThere() {
        ChannelLinks telegram = new ChannelLinks() {
            public String channel() {
                return MessageChannel.TELEGRAM;
            }

            public LinkCode open(String clientId, String instructionId, Caller caller) {
                throw new AssertionError();
            }

            public Optional<LinkCode> pending(String clientId) {
                return Optional.empty();
            }

            public Optional<Link> linked(String clientId) {
                return "C-1".equals(clientId) ? Optional.of(new Link(MessageChannel.TELEGRAM, "4242", "@aigerim", Instant.EPOCH))
                        : Optional.empty();
            }

            public boolean unlink(String clientId, Caller caller) {
                return false;
            }
        };
        router.addLinks(telegram, serving(MessageChannel.TELEGRAM, 0, 4L));
        Message code = new Message(MessageChannel.SMS, "+77010000001", "confirmation", "123456", "s");
        // the messenger's gateway is not there (yet): the code goes by SMS rather than nowhere
        assertEquals(code, router.routed("C-1", code));
        router.addChannel(channel("telegram"), serving(MessageChannel.TELEGRAM, 0, 5L));
        assertEquals(new Message(MessageChannel.TELEGRAM, "4242", "confirmation", "123456", "s"), router.routed("C-1", code));
        // another client, or another channel than SMS, is left as it is
        assertEquals(code, router.routed("C-2", code));
        Message mail = code.to(MessageChannel.EMAIL, "a@b.kz");
        assertEquals(mail, router.routed("C-1", mail));
        assertEquals(1, router.linksOf("C-1").size());
    }

    @Test
    void aNoticeGoesInTheClientsLanguageToTheirPhoneOrEmailOrNowhere() throws Exception {
        List<Message> sent = new ArrayList<>();
        router.addChannel(sent::add, Map.of(MessageChannel.CHANNEL_PROPERTY, new String[] { MessageChannel.SMS,
                MessageChannel.EMAIL }, Constants.SERVICE_ID, 1L));
        kz.qyzmet.common.api.LocalizedText text = kz.qyzmet.common.api.LocalizedText.of("орындалды", "исполнено", "executed");
        assertEquals(Optional.empty(), router.notify("C-1", text), "no directory of contacts: nowhere");
        router.contacts = clientId -> switch (clientId) {
            case "C-1" -> Optional.of(new kz.qyzmet.auth.api.ClientContacts.Contact("I-1", "+77010000001", "a@b.kz",
                    kz.qyzmet.common.api.Language.KK));
            case "C-2" -> Optional.of(new kz.qyzmet.auth.api.ClientContacts.Contact("I-2", null, "c@d.kz",
                    kz.qyzmet.common.api.Language.EN));
            case "C-3" -> Optional.of(new kz.qyzmet.auth.api.ClientContacts.Contact("I-3", null, null,
                    kz.qyzmet.common.api.Language.RU));
            default -> Optional.empty();
        };
        assertEquals(Message.notice(MessageChannel.SMS, "+77010000001", "орындалды"), router.notify("C-1", text).orElseThrow());
        assertEquals(Message.notice(MessageChannel.EMAIL, "c@d.kz", "executed"), router.notify("C-2", text).orElseThrow());
        assertEquals(Optional.empty(), router.notify("C-3", text));
        assertEquals(Optional.empty(), router.notify("C-9", text));
        assertEquals(2, sent.size());
    }
}
