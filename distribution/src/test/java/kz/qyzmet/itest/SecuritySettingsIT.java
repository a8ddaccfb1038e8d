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
 * check journalled without the phrase.
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
        return ItPlatform.options("securitysettings", List.of("qyzmet-default"), Map.of());
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
}
