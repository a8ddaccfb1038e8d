package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

import kz.qyzmet.audit.api.AuditJournal;

/**
 * The voice password on the real platform (issue #16, §7.2): set by an
 * instruction confirmed with the code, which never holds the phrase; staff check
 * what the caller says — match or no match — a few times an hour at most, each
 * check journalled without the phrase. Telegram (issue #16): linked by an
 * instruction and the code sent to the bot from a chat — only the right code,
 * before it expires, and not after too many wrong ones — then the client's
 * in-session codes go there instead of by SMS, until unlinked.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecuritySettingsIT {
    private static final String PHRASE = "Steppe Eagle Over Charyn";

    @Inject
    BundleContext context;

    private ItSupport platform;

    @Configuration
    public Option[] configuration() throws Exception {
        // demo mode: the Telegram channel with its simulated bot; link codes that bind for one minute
        return ItPlatform.options("securitysettings", List.of("qyzmet-default"), Map.of("qyzmet.mode", "demo",
                "qyzmet.telegram.link.minutes", "1"));
    }

    @Before
    public void setUp() throws Exception {
        platform = new ItSupport(context);
    }

    private HttpResponse<String> check(String clientId, String phrase) throws Exception {
        return platform.operatorPost("operator/voice-password/check", "{\"clientId\":\"" + clientId + "\",\"phrase\":\"" + phrase
                + "\"}", "Accept-Language", "ru");
    }

    @Test
    public void aVoicePasswordSetByInstructionIsCheckedByStaffAndNeverStoredInClear() throws Exception {
        ItSupport.ClientSession client = platform.newClientWithAccount("SEC", "+77019");
        assertEquals("no voice password yet", 409, check(client.clientId(), PHRASE).statusCode());
        HttpResponse<String> weak = platform.post("services/security-settings/requests",
                "{\"operation\":\"voice-password\",\"voicePassword\":\"aaaaaa\"}", client.bearer("en"));
        assertEquals(400, weak.statusCode());
        assertEquals("voicePassword", ItSupport.json(weak).get("field").asText());

        String id = platform.requestConfirmed("security-settings", "{\"operation\":\"voice-password\",\"voicePassword\":\""
                + PHRASE + "\"}", client, "EXECUTED");
        JsonNode instruction = ItSupport.json(platform.get("services/security-settings/requests/" + id, client.bearer("en")));
        assertFalse("the instruction holds no phrase: " + instruction, instruction.toString().toLowerCase().contains("eagle"));
        assertTrue(instruction.get("parameters").get("voicePassword").asText().startsWith("voice:"));

        JsonNode match = ItSupport.json(check(client.clientId(), "  steppe eagle   over charyn "));
        assertTrue("what the client says, whatever the case and spacing", match.get("match").asBoolean());
        assertEquals("Совпадает", match.get("text").asText());
        assertFalse(ItSupport.json(check(client.clientId(), "Steppe Eagle Over Altyn-Emel")).get("match").asBoolean());
        for (int i = 0; i < 3; i++) {
            check(client.clientId(), "guess " + i);
        }
        HttpResponse<String> limited = check(client.clientId(), PHRASE);
        assertEquals("five checks an hour, then no more: " + limited.body(), 429, limited.statusCode());

        String journal = context.getService(context.getServiceReference(AuditJournal.class))
                .findBySubject(client.identityId(), 200).toString().toLowerCase();
        assertTrue(journal.contains("auth.voice-password.checked") && journal.contains("auth.voice-password.set"));
        assertFalse("no phrase in the journal", journal.contains("eagle") || journal.contains("guess"));

        // a second instruction changes it
        platform.requestConfirmed("security-settings", "{\"operation\":\"voice-password\",\"voicePassword\":\"Blue Lake Kolsai\"}",
                client, "EXECUTED");
    }

    @Test
    public void aStagedPhraseOfAnotherClientOrAManagerCannotSetIt() throws Exception {
        ItSupport.ClientSession client = platform.newClientWithAccount("SEC", "+77019");
        HttpResponse<String> forged = platform.post("services/security-settings/requests",
                "{\"operation\":\"voice-password\",\"voicePassword\":\"voice:00000000-0000-0000-0000-000000000000\"}",
                client.bearer("en"));
        assertEquals(400, forged.statusCode());
        HttpResponse<String> prepared = platform.operatorPost("operator/services/security-settings/prepared", "{\"clientId\":\""
                + client.clientId() + "\",\"request\":{\"operation\":\"voice-password\",\"voicePassword\":\"Staff Chosen Phrase\"}}");
        assertEquals("only the client sets it: " + prepared.body(), 400, prepared.statusCode());
    }

    @Test
    public void aRevokedDeviceIsSignedOutAndReceivesNothingMore() throws Exception {
        ItSupport.ClientSession client = platform.newClientWithAccount("SEC", "+77019");
        // the same client signs in on a second phone
        String other = ItSupport.json(platform.post("auth/login", "{\"identifier\":\"" + client.login()
                + "\",\"password\":\"Steppe-Strong-2026\",\"client\":\"app\"}")).get("token").asText();
        kz.qyzmet.auth.api.Devices devices = context.getService(context.getServiceReference(kz.qyzmet.auth.api.Devices.class));
        List<kz.qyzmet.auth.api.Devices.Device> signedIn = devices.of(client.clientId());
        assertEquals("two app installations: " + signedIn, 2, signedIn.size());
        HttpResponse<String> otherSession = platform.get("auth/session", "Authorization", "Bearer " + other);
        assertEquals(200, otherSession.statusCode());
        String secondPhone = ItSupport.json(otherSession).get("id").asText();
        assertTrue(signedIn.stream().anyMatch(device -> device.id().equals(secondPhone)));
        HttpResponse<String> unknown = platform.post("services/security-settings/requests",
                "{\"operation\":\"revoke-device\",\"device\":\"00000000-0000-0000-0000-000000000000\"}", client.bearer("en"));
        assertEquals(400, unknown.statusCode());
        assertEquals("device", ItSupport.json(unknown).get("field").asText());

        platform.requestConfirmed("security-settings", "{\"operation\":\"revoke-device\",\"device\":\"" + secondPhone + "\"}",
                client, "EXECUTED");
        assertEquals("the revoked phone is signed out", 401, platform.get("auth/session", "Authorization", "Bearer " + other)
                .statusCode());
        assertEquals(1, devices.of(client.clientId()).size());
        assertEquals("the client's own session goes on", 200, platform.get("auth/session", client.bearer("en")).statusCode());
    }

    private static String code(String text) {
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("^([0-9]{6})").matcher(text);
        assertTrue("a code: " + text, code.find());
        return code.group(1);
    }

    /** A new app sign-in of the client, not yet a security session. */
    private String[] signIn(ItSupport.ClientSession client) throws Exception {
        HttpResponse<String> login = platform.post("auth/login", "{\"identifier\":\"" + client.login()
                + "\",\"password\":\"Steppe-Strong-2026\",\"client\":\"app\"}");
        assertEquals(login.body(), 200, login.statusCode());
        return new String[] { "Authorization", "Bearer " + ItSupport.json(login).get("token").asText(), "Accept-Language", "en" };
    }

    private JsonNode say(ItSupport.ClientSession client, String chat, String text) throws Exception {
        HttpResponse<String> said = platform.post("dev/telegram/chats/" + chat + "/messages", "{\"text\":\"" + text + "\"}",
                client.bearer("en"));
        assertEquals(said.body(), 200, said.statusCode());
        JsonNode messages = ItSupport.json(said).get("messages");
        return messages.get(messages.size() - 1); // the bot's answer
    }

    @Test
    public void telegramIsLinkedOnlyWithTheRightCodeInTimeAndThenCarriesTheClientsCodes() throws Exception {
        ItSupport.ClientSession client = platform.newClientWithAccount("TGM", "+77018");
        kz.qyzmet.messaging.api.ChannelLinks telegram = context.getService(context.getServiceReference(
                kz.qyzmet.messaging.api.Messaging.class)).links("telegram").orElseThrow();
        java.util.concurrent.atomic.AtomicReference<java.time.Duration> ahead = new java.util.concurrent.atomic.AtomicReference<>(
                java.time.Duration.ZERO);
        java.util.Hashtable<String, Object> ranking = new java.util.Hashtable<>();
        ranking.put(org.osgi.framework.Constants.SERVICE_RANKING, 200);
        context.registerService(java.time.Clock.class, new java.time.Clock() {
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public java.time.Instant instant() {
                return java.time.Instant.now().plus(ahead.get()); // real time, moved on by the test
            }
        }, ranking);
        HttpResponse<String> notLinked = platform.post("services/security-settings/requests", "{\"operation\":\"telegram-unlink\"}",
                client.bearer("en"));
        assertEquals("nothing to unlink yet: " + notLinked.body(), 400, notLinked.statusCode());

        // the instruction, confirmed with the code, opens the link; the cabinet page shows its code
        String first = platform.requestConfirmed("security-settings", "{\"operation\":\"telegram-link\"}", client, "EXECUTED");
        kz.qyzmet.messaging.api.ChannelLinks.LinkCode expired = telegram.pending(client.clientId()).orElseThrow();
        assertTrue(expired.address().startsWith("https://t.me/QyzmetBrokerBot?start="));
        String chat = ItSupport.json(platform.post("dev/telegram/chats", "", client.bearer("en"))).get("chatId").asText();
        ahead.set(java.time.Duration.ofSeconds(61));
        JsonNode late = say(client, chat, "/start " + expired.code().replace("-", ""));
        assertTrue("a code past its minute (" + expired.expiresAt() + ", now " + java.time.Instant.now() + "): " + late, late.get("text").asText().contains("expired"));
        assertTrue(telegram.linked(client.clientId()).isEmpty());
        assertTrue("an expired code is no longer shown", telegram.pending(client.clientId()).isEmpty());

        platform.requestConfirmed("security-settings", "{\"operation\":\"telegram-link\"}", client, "EXECUTED");
        kz.qyzmet.messaging.api.ChannelLinks.LinkCode code = telegram.pending(client.clientId()).orElseThrow();
        assertFalse(code.code().equals(expired.code()));
        assertTrue(say(client, chat, "ABCD-EFGH").get("text").asText().contains("not recognised"));
        assertTrue("a wrong code binds nothing", telegram.linked(client.clientId()).isEmpty());

        // another chat guessing: after five wrong codes in the hour even the right one is not taken from it
        String guesser = ItSupport.json(platform.post("dev/telegram/chats", "", client.bearer("en"))).get("chatId").asText();
        for (int i = 0; i < 5; i++) {
            say(client, guesser, "ZZZZ-ZZZ" + (i + 2));
        }
        assertTrue(say(client, guesser, code.code()).get("text").asText().contains("Too many"));
        assertTrue(telegram.linked(client.clientId()).isEmpty());

        JsonNode linked = say(client, chat, code.code().toLowerCase());
        assertTrue(linked.toString(), linked.get("text").asText().contains("linked to your account"));
        kz.qyzmet.messaging.api.ChannelLinks.Link link = telegram.linked(client.clientId()).orElseThrow();
        assertEquals(chat, link.recipient());
        String third = ItSupport.json(platform.post("dev/telegram/chats", "", client.bearer("en"))).get("chatId").asText();
        assertTrue("a used code binds no other chat", say(client, third, code.code()).get("text").asText().contains("not recognised"));
        assertEquals(chat, telegram.linked(client.clientId()).orElseThrow().recipient());

        // the client's in-session codes now come to the chat, not by SMS: a new sign-in opens its security session
        int smsBefore = platform.messagesTo(client.phone()).size();
        String[] signedIn = signIn(client);
        assertEquals(202, platform.post("auth/security-session/code", "{\"channel\":\"sms\"}", signedIn).statusCode());
        JsonNode messages = ItSupport.json(platform.get("dev/telegram/chats/" + chat + "/messages", client.bearer("en")))
                .get("messages");
        JsonNode last = messages.get(messages.size() - 1);
        assertEquals("bot", last.get("from").asText());
        String securityCode = code(last.get("text").asText());
        assertEquals("no SMS", smsBefore, platform.messagesTo(client.phone()).size());
        HttpResponse<String> security = platform.post("auth/security-session", "{\"code\":\"" + securityCode
                + "\",\"biometrics\":true}", signedIn);
        assertEquals("the code from Telegram opens the security session: " + security.body(), 200, security.statusCode());
        ItSupport.ClientSession renewed = new ItSupport.ClientSession(client.clientId(), client.identityId(), client.login(),
                client.phone(), ItSupport.json(security).get("token").asText());

        // another visitor's session cannot read that chat
        ItSupport.ClientSession stranger = platform.newClientWithAccount("TGM", "+77018");
        assertEquals(404, platform.get("dev/telegram/chats/" + chat + "/messages", stranger.bearer("en")).statusCode());

        // unlinked by instruction: codes go by SMS again
        platform.requestConfirmed("security-settings", "{\"operation\":\"telegram-unlink\"}", renewed, "EXECUTED");
        assertTrue(telegram.linked(client.clientId()).isEmpty());
        assertEquals(202, platform.post("auth/security-session/code", "{\"channel\":\"sms\"}", signIn(client)).statusCode());
        assertEquals("by SMS again", smsBefore + 1, platform.messagesTo(client.phone()).size());

        AuditJournal audit = context.getService(context.getServiceReference(AuditJournal.class));
        String all = audit.search(new kz.qyzmet.audit.api.AuditQuery(null, null, null, null, null, null, 500)).stream()
                .filter(record -> record.event().type().startsWith("telegram.")).map(Object::toString)
                .collect(java.util.stream.Collectors.joining("\n"));
        for (String type : List.of("telegram.link.opened", "telegram.link.refused", "telegram.linked", "telegram.unlinked")) {
            assertTrue(type + " journalled: " + all, all.contains(type));
        }
        assertTrue("the link names its instruction: " + all, all.contains(first));
        assertFalse("the chat only as a digest", all.contains(chat));
    }
}
