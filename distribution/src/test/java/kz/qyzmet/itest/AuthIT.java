package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

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
import kz.qyzmet.audit.api.AuditRecord;
import kz.qyzmet.auth.api.Confirmation;
import kz.qyzmet.auth.api.ConfirmationChallenge;
import kz.qyzmet.auth.api.ConfirmationRequest;
import kz.qyzmet.auth.api.OperationConfirmations;
import kz.qyzmet.auth.api.Session;
import kz.qyzmet.auth.api.Sessions;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;

/**
 * Authentication on a real MariaDB in a real OSGi framework (rules §20–§44).
 * Time moves by a Clock service ranked above the system clock, never by sleeping.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AuthIT {
    private static final String PASSWORD = "Steppe-Strong-2026";
    private static final AtomicReference<Instant> NOW = new AtomicReference<>();
    private static boolean clockRegistered;
    private static int clients;

    @Inject
    BundleContext context;

    private ItSupport platform;

    @Configuration
    public Option[] configuration() throws Exception {
        return ItPlatform.options("auth", List.of("qyzmet-default"), Map.of());
    }

    @Before
    public void setUp() throws Exception {
        platform = new ItSupport(context);
        synchronized (AuthIT.class) {
            if (!clockRegistered) {
                NOW.set(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
                ItSupport.registerClock(context, NOW);
                clockRegistered = true;
            }
        }
    }

    private static void advance(Duration duration) {
        NOW.updateAndGet(now -> now.plus(duration));
        // the administrator's session idles out with the jump
        ItSupport.forgetOperatorSession();
    }

    /** A client as onboarding makes one: an operator creates the identity, the client activates it. */
    private record Client(String id, String login, String phone, String email) {
    }

    private Client newClient() throws Exception {
        int n;
        synchronized (AuthIT.class) {
            n = ++clients;
        }
        String login = "client" + n + "x" + UUID.randomUUID().toString().substring(0, 4);
        // each test class has a database of its own: a counter keeps phones unique
        String phone = "+77015" + String.format("%06d", n);
        String email = login + "@mail.kz";
        HttpResponse<String> created = platform.operatorPost("operator/identities", "{\"login\":\"" + login + "\",\"phone\":\""
                + phone + "\",\"email\":\"" + email + "\",\"clientId\":\"" + UUID.randomUUID() + "\",\"displayName\":\"Айгерім Сапарова\"}");
        assertEquals(created.body(), 201, created.statusCode());
        String id = ItSupport.json(created).get("id").asText();
        HttpResponse<String> activated = platform.post("auth/activation", "{\"identifier\":\"" + login + "\",\"code\":\""
                + platform.latestCode(phone) + "\",\"newPassword\":\"" + PASSWORD + "\"}");
        assertEquals(activated.body(), 204, activated.statusCode());
        return new Client(id, login, phone, email);
    }

    private HttpResponse<String> login(String identifier, String password, String client) throws Exception {
        return platform.post("auth/login", "{\"identifier\":\"" + identifier + "\",\"password\":\"" + password
                + "\",\"client\":\"" + client + "\"}", "Accept-Language", "en");
    }

    private String appToken(Client client) throws Exception {
        HttpResponse<String> login = login(client.login(), PASSWORD, "app");
        assertEquals(login.body(), 200, login.statusCode());
        return ItSupport.json(login).get("token").asText();
    }

    /** §35.1: an app session raised to a security session with a code. */
    private String securityAppToken(Client client) throws Exception {
        String token = appToken(client);
        assertEquals(202, platform.post("auth/security-session/code", "{\"channel\":\"sms\"}", bearer(token)).statusCode());
        HttpResponse<String> opened = platform.post("auth/security-session",
                "{\"code\":\"" + platform.latestCode(client.phone()) + "\",\"biometrics\":true}", bearer(token));
        assertEquals(opened.body(), 200, opened.statusCode());
        JsonNode session = ItSupport.json(opened).get("session");
        assertEquals("security", session.get("stage").asText());
        assertEquals("APP_CODE_AND_BIOMETRICS", session.get("securityMethod").asText());
        String rotated = ItSupport.json(opened).get("token").asText();
        assertNotEquals("the security session comes with a new token", token, rotated);
        assertEquals("the token of the login stage holds nothing once the session is raised", 401,
                platform.get("auth/session", bearer(token)).statusCode());
        return rotated;
    }

    private static String[] bearer(String token) {
        return new String[] { "Authorization", "Bearer " + token, "Accept-Language", "en" };
    }

    private static String type(HttpResponse<String> response) throws Exception {
        return ItSupport.json(response).get("type").asText().replace("https://qyzmet.kz/problems/", "");
    }

    private Session session(String token) throws Exception {
        String id = ItSupport.json(platform.get("auth/session", bearer(token))).get("id").asText();
        return service(Sessions.class).find(id).orElseThrow();
    }

    private <T> T service(Class<T> type) {
        return context.getService(context.getServiceReference(type));
    }

    @Test
    public void activationSetsAPasswordUnderRule41AndItsCodeWorksOnce() throws Exception {
        String login = "newcomer" + UUID.randomUUID().toString().substring(0, 6);
        String phone = "+77019" + String.format("%06d", (int) (Math.random() * 1_000_000));
        HttpResponse<String> created = platform.operatorPost("operator/identities", "{\"login\":\"" + login + "\",\"phone\":\""
                + phone + "\",\"clientId\":\"" + UUID.randomUUID() + "\"}");
        assertEquals(created.body(), 201, created.statusCode());
        String code = platform.latestCode(phone);

        HttpResponse<String> weak = platform.post("auth/activation", "{\"identifier\":\"" + phone + "\",\"code\":\"" + code
                + "\",\"newPassword\":\"" + login.substring(0, 5) + "\"}", "Accept-Language", "kk");
        assertEquals(400, weak.statusCode());
        assertEquals("auth/password-policy", type(weak));
        assertEquals("every broken rule is listed", 3, ItSupport.json(weak).get("violations").size());
        assertEquals("kk", ItSupport.json(weak).get("language").asText());

        String activation = "{\"identifier\":\"" + phone + "\",\"code\":\"" + code + "\",\"newPassword\":\"" + PASSWORD + "\"}";
        assertEquals("the refused password left the code usable", 204, platform.post("auth/activation", activation).statusCode());
        HttpResponse<String> again = platform.post("auth/activation", activation);
        assertEquals(400, again.statusCode());
        assertEquals("auth/code-invalid", type(again));
        // any of the three identifiers of §20 logs in, in any usual spelling
        assertEquals(200, login(login.toUpperCase(), PASSWORD, "app").statusCode());
        assertEquals(200, login("8" + phone.substring(2), PASSWORD, "app").statusCode());
    }

    @Test
    public void fiveFailuresLockTheAccountForOneHour() throws Exception {
        Client client = newClient();
        for (int attempt = 1; attempt <= 4; attempt++) {
            HttpResponse<String> wrong = login(client.login(), "Wrong-Password-1", "app");
            assertEquals(401, wrong.statusCode());
            assertEquals("auth/invalid-credentials", type(wrong));
        }
        Instant fifth = NOW.get();
        HttpResponse<String> locking = login(client.email(), "Wrong-Password-1", "app");
        assertEquals(403, locking.statusCode());
        assertEquals("auth/account-locked", type(locking));
        assertEquals(fifth.plus(Duration.ofHours(1)), Instant.parse(ItSupport.json(locking).get("lockedUntil").asText()));
        assertTrue("the refusal says until when (§29)", ItSupport.json(locking).get("detail").asText().contains("locked until"));

        assertEquals("even the right password waits", 403, login(client.login(), PASSWORD, "app").statusCode());
        advance(Duration.ofMinutes(59));
        assertEquals(403, login(client.phone(), PASSWORD, "app").statusCode());
        advance(Duration.ofMinutes(1));
        assertEquals("released after exactly one hour", 200, login(client.login(), PASSWORD, "app").statusCode());

        List<AuditRecord> trail = service(AuditJournal.class).findBySubject(client.id(), 20);
        assertTrue(trail.stream().anyMatch(record -> record.event().type().equals("auth.account.locked")));
        assertTrue(trail.stream().anyMatch(record -> record.event().type().equals("auth.authentication.failed")
                && "127.0.0.1".equals(record.event().address())));
    }

    /**
     * §43: different logins from one address block it for 24 hours. The block only
     * refuses (§29: with the reason and until when); the right password sent from the
     * blocked address changes nothing, so nobody can void other people's passwords by
     * getting a shared address blocked (issue #11, item 1).
     */
    @Test
    public void differentLoginsFromOneAddressBlockItFor24HoursAndNeverTouchTheirPasswords() throws Exception {
        Client victim = newClient();
        Instant start = NOW.get();
        // failed logins of other tests within the hour may count too: at the latest the fifth new login blocks
        int tried = 0;
        while (tried < 5 && login("stuffing" + (++tried) + "@example.com", "Guess-Password-1", "app").statusCode() == 401) {
            // next login
        }
        assertTrue(tried <= 5);
        HttpResponse<String> blocked = login(victim.login(), PASSWORD, "app");
        assertEquals(403, blocked.statusCode());
        assertEquals("auth/address-blocked", type(blocked));
        assertEquals(start.plus(Duration.ofHours(24)), Instant.parse(ItSupport.json(blocked).get("blockedUntil").asText()));
        assertTrue("§29: the reason is told", ItSupport.json(blocked).get("detail").asText().contains("blocked until"));

        advance(Duration.ofHours(23).plusMinutes(59));
        assertEquals("auth/address-blocked", type(login(victim.login(), PASSWORD, "app")));
        advance(Duration.ofMinutes(1));

        assertEquals("the block is over and the password works as before", 200,
                login(victim.login(), PASSWORD, "app").statusCode());
        JsonNode view = ItSupport.json(platform.operatorGet("operator/identities/" + victim.id()));
        assertTrue("the password sent from the blocked address is untouched", view.get("passwordSet").asBoolean());
        assertFalse(view.get("passwordChangeRequired").asBoolean());
        assertTrue(service(AuditJournal.class).findBySubject(victim.id(), 30).stream()
                .noneMatch(record -> record.event().type().equals("auth.identity.compromised")));
    }

    /**
     * §44: on suspected compromise (reported by the client or found by the back
     * office) the password is reset at once and must be replaced at the next login.
     */
    @Test
    public void aReportedCompromiseResetsThePasswordUntilTheNextLoginSetsANewOne() throws Exception {
        Client victim = newClient();
        String old = appToken(victim);
        assertEquals(204, platform.operatorPost("operator/identities/" + victim.id() + "/compromise",
                "{\"reason\":\"client reported a phishing call\"}").statusCode());
        assertEquals("every session ended", 401, platform.get("auth/session", bearer(old)).statusCode());
        assertEquals(401, login(victim.login(), PASSWORD, "app").statusCode());
        JsonNode view = ItSupport.json(platform.operatorGet("operator/identities/" + victim.id()));
        assertTrue(view.get("passwordChangeRequired").asBoolean());
        assertFalse(view.get("passwordSet").asBoolean());

        // next login by phone code: nothing but setting a new password is allowed
        int seen = platform.messagesTo(victim.phone()).size();
        assertEquals(202, platform.post("auth/login/code", "{\"phone\":\"" + victim.phone() + "\"}").statusCode());
        String code = awaitCode(victim.phone(), seen);
        HttpResponse<String> byCode = platform.post("auth/login/phone", "{\"phone\":\"" + victim.phone() + "\",\"code\":\""
                + code + "\",\"client\":\"app\"}");
        assertEquals(byCode.body(), 200, byCode.statusCode());
        assertEquals("set-password", ItSupport.json(byCode).get("next").asText());
        String token = ItSupport.json(byCode).get("token").asText();
        HttpResponse<String> refused = platform.post("auth/security-session/code", "{}", bearer(token));
        assertEquals("auth/password-change-required", type(refused));
        assertEquals(204, platform.post("auth/password", "{\"newPassword\":\"Fresh-Start-2027\"}", bearer(token)).statusCode());
        assertEquals(200, login(victim.login(), "Fresh-Start-2027", "app").statusCode());
        assertTrue(service(AuditJournal.class).findBySubject(victim.id(), 30).stream()
                .anyMatch(record -> record.event().type().equals("auth.identity.compromised")));
    }

    /** A code sent off the request path (recovery, login by phone): waits for the message after the {@code seen} ones. */
    private String awaitCode(String recipient, int seen) throws Exception {
        ItSupport.await(Duration.ofSeconds(10), "a code to " + recipient, () -> platform.messagesTo(recipient).size() > seen);
        return platform.latestCode(recipient);
    }

    @Test
    public void aSecuritySessionCodeIsSingleUseAndExpires() throws Exception {
        Client client = newClient();
        String token = appToken(client);
        assertEquals(202, platform.post("auth/security-session/code", "{}", bearer(token)).statusCode());
        String expiring = platform.latestCode(client.phone());
        advance(Duration.ofMinutes(5));
        HttpResponse<String> late = platform.post("auth/security-session", "{\"code\":\"" + expiring + "\"}", bearer(token));
        assertEquals("auth/code-invalid", type(late));

        token = appToken(client);
        assertEquals(202, platform.post("auth/security-session/code", "{}", bearer(token)).statusCode());
        String code = platform.latestCode(client.phone());
        HttpResponse<String> opened = platform.post("auth/security-session", "{\"code\":\"" + code + "\"}", bearer(token));
        assertEquals(opened.body(), 200, opened.statusCode());
        String other = appToken(client);
        HttpResponse<String> reused = platform.post("auth/security-session", "{\"code\":\"" + code + "\"}", bearer(other));
        assertEquals("auth/code-invalid", type(reused));
    }

    @Test
    public void aConfirmationCodeConfirmsOnlyTheContentItWasSentFor() throws Exception {
        Client client = newClient();
        OperationConfirmations confirmations = service(OperationConfirmations.class);
        String loginOnly = appToken(client);
        ConfirmationRequest withdrawal = new ConfirmationRequest("instruction-1", "a".repeat(64),
                LocalizedText.of("Ақша шығару 150 000.00 KZT", "Вывод 150 000.00 KZT", "Withdrawal 150,000.00 KZT"));
        try {
            confirmations.request(session(loginOnly), withdrawal);
            fail("a login session cannot request a confirmation (§21)");
        } catch (ProblemException expected) {
            assertEquals(403, expected.status());
        }

        String token = securityAppToken(client);
        ConfirmationChallenge first = confirmations.request(session(token), withdrawal);
        String firstCode = platform.latestCode(client.id());
        assertTrue("the message shows what is confirmed",
                platform.messagesTo(client.id()).get(platform.messagesTo(client.id()).size() - 1).text().contains("150 000.00 KZT"));
        ConfirmationChallenge second = confirmations.request(session(token),
                new ConfirmationRequest("instruction-2", "b".repeat(64), LocalizedText.of("Басқа", "Другое", "Other")));

        expectRefusal(409, () -> confirmations.confirm(session(token), first.id(), "c".repeat(64), firstCode));
        expectRefusal(400, () -> confirmations.confirm(session(token), second.id(), "b".repeat(64), firstCode));
        Confirmation confirmed = confirmations.confirm(session(token), first.id(), "a".repeat(64), firstCode);
        assertEquals("instruction-1", confirmed.subject());
        assertEquals(client.id(), confirmed.identityId());
        expectRefusal(400, () -> confirmations.confirm(session(token), first.id(), "a".repeat(64), firstCode));

        // §35.3: a manager prepares, the code goes to the registered phone, the client signs in a session of their own
        ConfirmationChallenge prepared = service(OperationConfirmations.class).requestSignature(
                ItSupport.json(platform.operatorGet("operator/identities/" + client.id())).get("clientId").asText(),
                new ConfirmationRequest("instruction-3", "d".repeat(64), LocalizedText.of("Сатып алу", "Покупка", "Buy")),
                new Caller("manager.aida", "manager", "10.0.0.5", "", "it"));
        Confirmation signed = confirmations.confirm(session(appToken(client)), prepared.id(), "d".repeat(64),
                platform.latestCode(client.phone()));
        assertEquals("manager.aida", signed.preparedBy());
    }

    private interface Attempt {
        void run() throws Exception;
    }

    private static void expectRefusal(int status, Attempt attempt) throws Exception {
        try {
            attempt.run();
            fail("expected a refusal with status " + status);
        } catch (ProblemException refusal) {
            assertEquals(refusal.getMessage(), status, refusal.status());
        }
    }

    @Test
    public void aQrApprovalRaisesOnlyTheWebSessionThatShowedItAndExpires() throws Exception {
        Client client = newClient();
        HttpResponse<String> web = login(client.login(), PASSWORD, "web");
        assertEquals(200, web.statusCode());
        List<String> cookies = new ArrayList<>();
        for (String header : web.headers().allValues("Set-Cookie")) {
            assertTrue(header, header.contains("Secure") && header.contains("SameSite=Strict"));
            cookies.add(header.substring(0, header.indexOf(';')));
        }
        assertTrue(web.headers().allValues("Set-Cookie").get(0).contains("HttpOnly"));
        String cookie = String.join("; ", cookies);
        String csrf = ItSupport.json(web).get("csrfToken").asText();

        HttpResponse<String> withoutCsrf = platform.post("auth/security-session/qr", "{}", "Cookie", cookie);
        assertEquals(403, withoutCsrf.statusCode());
        assertEquals("auth/csrf", type(withoutCsrf));
        HttpResponse<String> qr = platform.post("auth/security-session/qr", "{}", "Cookie", cookie, "X-CSRF-Token", csrf);
        assertEquals(qr.body(), 200, qr.statusCode());
        JsonNode shown = ItSupport.json(qr);
        assertTrue(shown.get("svg").asText().startsWith("<svg"));

        HttpResponse<String> otherWeb = login(client.login(), PASSWORD, "app");
        String otherToken = ItSupport.json(otherWeb).get("token").asText();
        String app = securityAppToken(client);
        assertEquals(204, platform.post("auth/security-session/qr/approve",
                "{\"content\":\"" + shown.get("content").asText() + "\"}", bearer(app)).statusCode());
        HttpResponse<String> claimed = platform.get("auth/security-session/qr/" + shown.get("id").asText(), "Cookie", cookie);
        assertEquals("approved", ItSupport.json(claimed).get("state").asText());
        List<String> rotated = new ArrayList<>();
        for (String header : claimed.headers().allValues("Set-Cookie")) {
            assertTrue(header, header.contains("Secure") && header.contains("SameSite=Strict"));
            rotated.add(header.substring(0, header.indexOf(';')));
        }
        assertEquals("the poll that takes the approval sets a new session and CSRF cookie", 2, rotated.size());
        String newCsrf = ItSupport.json(claimed).get("csrfToken").asText();
        assertNotEquals(csrf, newCsrf);
        assertEquals("the cookie of the login stage holds nothing once the session is raised", 401,
                platform.get("auth/session", "Cookie", cookie).statusCode());
        String securityCookie = String.join("; ", rotated);
        assertEquals("a second poll claims nothing again", null,
                ItSupport.json(platform.get("auth/security-session/qr/" + shown.get("id").asText(), "Cookie", securityCookie))
                        .get("csrfToken").textValue());
        JsonNode raised = ItSupport.json(platform.get("auth/session", "Cookie", securityCookie));
        assertEquals("security", raised.get("stage").asText());
        assertEquals("QR", raised.get("securityMethod").asText());
        assertEquals("other sessions stay as they were", "login",
                ItSupport.json(platform.get("auth/session", bearer(otherToken))).get("stage").asText());

        HttpResponse<String> secondWeb = login(client.login(), PASSWORD, "web");
        String secondCookie = secondWeb.headers().allValues("Set-Cookie").get(0).split(";")[0];
        JsonNode stale = ItSupport.json(platform.post("auth/security-session/qr", "{}", "Cookie", secondCookie,
                "X-CSRF-Token", ItSupport.json(secondWeb).get("csrfToken").asText()));
        advance(Duration.ofSeconds(121));
        String freshApp = securityAppToken(client);
        HttpResponse<String> expired = platform.post("auth/security-session/qr/approve",
                "{\"content\":\"" + stale.get("content").asText() + "\"}", bearer(freshApp));
        assertEquals("auth/qr-invalid", type(expired));
    }

    @Test
    public void logoutEndsTheSecuritySessionAtOnce() throws Exception {
        Client client = newClient();
        String token = securityAppToken(client);
        String sessionId = session(token).id();
        assertEquals(204, platform.post("auth/logout", "{}", bearer(token)).statusCode());
        assertEquals(401, platform.get("auth/session", bearer(token)).statusCode());
        assertTrue(service(Sessions.class).find(sessionId).isEmpty());
    }

    @Test
    public void recoveryNeverRevealsWhetherAnAccountExistsAndEndsEverySession() throws Exception {
        Client client = newClient();
        String token = appToken(client);
        HttpResponse<String> known = platform.post("auth/recovery", "{\"identifier\":\"" + client.email() + "\",\"channel\":\"email\"}");
        HttpResponse<String> unknown = platform.post("auth/recovery", "{\"identifier\":\"nobody@mail.kz\",\"channel\":\"email\"}");
        assertEquals(known.statusCode(), unknown.statusCode());
        assertEquals(known.body(), unknown.body());

        HttpResponse<String> wrongForKnown = platform.post("auth/recovery/complete", "{\"identifier\":\"" + client.email()
                + "\",\"code\":\"000000\",\"newPassword\":\"Another-Pass-2027\"}");
        HttpResponse<String> forUnknown = platform.post("auth/recovery/complete",
                "{\"identifier\":\"nobody@mail.kz\",\"code\":\"000000\",\"newPassword\":\"Another-Pass-2027\"}");
        assertEquals(wrongForKnown.statusCode(), forUnknown.statusCode());
        assertEquals(type(wrongForKnown), type(forUnknown));
        assertEquals(ItSupport.json(wrongForKnown).get("detail"), ItSupport.json(forUnknown).get("detail"));

        String code = awaitCode(client.email(), 0);
        assertNotEquals("000000", code);
        assertEquals(204, platform.post("auth/recovery/complete", "{\"identifier\":\"" + client.email() + "\",\"code\":\""
                + code + "\",\"newPassword\":\"Another-Pass-2027\"}").statusCode());
        assertEquals("recovery ended the old session", 401, platform.get("auth/session", bearer(token)).statusCode());
        assertEquals(200, login(client.login(), "Another-Pass-2027", "app").statusCode());
    }

    @Test
    public void aClientSuspendsServicesAtOnceAndOnlyTheOfficeReinstatesThem() throws Exception {
        Client client = newClient();
        String token = appToken(client);
        String other = appToken(client);
        assertEquals(204, platform.post("auth/suspension", "{}", bearer(token)).statusCode());
        assertEquals("every session ended at once (§28)", 401, platform.get("auth/session", bearer(other)).statusCode());
        HttpResponse<String> refused = login(client.login(), PASSWORD, "app");
        assertEquals(403, refused.statusCode());
        assertEquals("auth/services-suspended", type(refused));
        assertTrue(ItSupport.json(refused).get("detail").asText().contains("office"));
        assertEquals("recovery does not lift a suspension", 202, platform.post("auth/recovery",
                "{\"identifier\":\"" + client.login() + "\"}").statusCode());

        HttpResponse<String> missingVisit = platform.operatorPost("operator/identities/" + client.id() + "/reinstatement", "{}");
        assertEquals(400, missingVisit.statusCode());
        HttpResponse<String> reinstated = platform.operatorPost("operator/identities/" + client.id() + "/reinstatement",
                "{\"office\":\"Almaty, Al-Farabi 77/7\",\"visitedAt\":\"" + NOW.get() + "\",\"documentType\":\"ID card\",\"documentNumber\":\"045678912\"}");
        assertEquals(reinstated.body(), 200, reinstated.statusCode());
        assertEquals("ACTIVE", ItSupport.json(reinstated).get("status").asText());
        assertEquals(200, login(client.login(), PASSWORD, "app").statusCode());
    }

    @Test
    public void clientsAreKeptOutOfTheOperatorApi() throws Exception {
        Client client = newClient();
        HttpResponse<String> refused = platform.get("operator/identities", bearer(securityAppToken(client)));
        assertEquals(403, refused.statusCode());
        assertNotNull(ItSupport.json(refused).get("detail"));
    }
}
