package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

import com.fasterxml.jackson.databind.JsonNode;

import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.audit.api.AuditQuery;
import kz.qyzmet.audit.api.AuditRecord;
import kz.qyzmet.audit.api.AuditVerification;
import kz.qyzmet.auth.api.OtpChannel;

/**
 * What an outside review found (issue #11), each closed at its depth and proven
 * here on the real platform: the HTTP surface (headers, limits, strict input,
 * the server's own errors), the address a request comes from (§43 behind a
 * proxy), staff protected from operators, account existence never told (§22),
 * operator postings only from the outside world with a second pair of eyes, and
 * every change committed together with its record (§45.1), which verification
 * checks.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class TrustIT {
    /** Stands for the broker's reverse proxy: requests from it may say whom they forward. */
    private static final String PROXY = "127.0.0.2";
    private static final String PASSWORD = "Steppe-Strong-2026";
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    @Inject
    BundleContext context;

    private ItSupport platform;
    private RawHttps raw;

    @Configuration
    public Option[] configuration() throws Exception {
        return ItPlatform.options("trust", List.of("qyzmet-default"), Map.of("qyzmet.http.trusted.proxies", PROXY,
                "qyzmet.ledger.approval.thresholds", "KZT=1000000,*=1000"));
    }

    @Before
    public void platformAnswers() throws Exception {
        platform = new ItSupport(context);
        raw = new RawHttps(ItSupport.trustPlatform(context),
                Integer.parseInt(context.getProperty("org.osgi.service.http.port.secure")));
        ItSupport.awaitChecked(Duration.ofSeconds(30), "catalog answers", () -> platform.get("catalog").statusCode() == 200);
    }

    // ------------------------------------------------------------------ the HTTP surface (items 6, 7, 10)

    /** Item 6: HSTS (§37), no sniffing, no referrer, no caching of answers carrying tokens or personal data. */
    @Test
    public void a_everyAnswerCarriesTheSecurityHeaders() throws Exception {
        HttpResponse<String> anonymous = platform.get("auth/session", "Accept-Language", "en");
        assertEquals(401, anonymous.statusCode());
        assertEquals("Bearer realm=\"qyzmet\"", anonymous.headers().firstValue("WWW-Authenticate").orElse(null));
        HttpResponse<String> login = platform.post("auth/login", "{\"identifier\":\"" + ItSupport.ADMIN_LOGIN
                + "\",\"password\":\"" + ItSupport.ADMIN_PASSWORD + "\",\"client\":\"app\"}");
        for (HttpResponse<String> answer : List.of(anonymous, login)) {
            assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(null));
            assertTrue(answer.headers().firstValue("Strict-Transport-Security").orElse("").startsWith("max-age=31536000"));
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(null));
            assertEquals("no-referrer", answer.headers().firstValue("Referrer-Policy").orElse(null));
            assertTrue("no Server header", answer.headers().firstValue("Server").isEmpty());
        }
        assertTrue("the public catalog keeps its own caching",
                platform.get("catalog").headers().firstValue("Cache-Control").orElse("").contains("no-cache"));
    }

    /** Item 10: the HTTP server's own refusals are problems too, never Jetty's HTML; so is every path outside the API. */
    @Test
    public void b_theServersOwnErrorsAreProblems() throws Exception {
        RawHttps.Answer badUri = raw.send("127.0.0.1", "GET /api/v1/% HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en", null);
        assertEquals(400, badUri.status());
        assertTrue(badUri.header("Content-Type"), badUri.header("Content-Type").startsWith("application/problem+json"));
        assertTrue(badUri.body().contains("\"status\":400"));
        assertEquals("nosniff", badUri.header("X-Content-Type-Options"));

        RawHttps.Answer hugeHeader = raw.send("127.0.0.1", "GET /api/v1/catalog HTTP/1.1\r\nHost: localhost\r\nX-Filler: "
                + "a".repeat(20_000), null);
        assertEquals(431, hugeHeader.status());
        assertTrue(hugeHeader.header("Content-Type").startsWith("application/problem+json"));

        // issue #14: the root leads to the personal cabinet; an unknown address outside the API is a page for a
        // browser and a problem for a program
        HttpResponse<String> root = platform.getOutsideApi("/", "Accept-Language", "kk");
        assertEquals(303, root.statusCode());
        assertTrue(root.headers().firstValue("Location").orElse("").endsWith("/cabinet"));
        HttpResponse<String> page = platform.getOutsideApi("/nowhere", "Accept-Language", "kk", "Accept", "text/html");
        assertEquals(404, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body(), page.body().contains("lang=\"kk\"") && page.body().contains("Бет табылмады"));
        HttpResponse<String> outside = platform.getOutsideApi("/nowhere", "Accept-Language", "kk", "Accept", "application/json");
        assertEquals(404, outside.statusCode());
        assertTrue(outside.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("kk", ItSupport.json(outside).get("language").asText());
        assertEquals("/api/v1", ItSupport.json(outside).get("api").asText());
    }

    /** Item 10: a body past the limit is a 413 problem, whether its length was declared or it came in chunks. */
    @Test
    public void c_oversizedBodiesAreRefusedWith413() throws Exception {
        String big = "{\"identifier\":\"" + "a".repeat(2 * 1024 * 1024) + "\",\"password\":\"x\",\"client\":\"app\"}";
        HttpResponse<String> declared = platform.post("auth/login", big, "Accept-Language", "en");
        assertEquals(413, declared.statusCode());
        assertEquals(ItSupport.PROBLEM_TYPE_BASE + "payload-too-large", ItSupport.json(declared).get("type").asText());
        assertEquals(1048576, ItSupport.json(declared).get("limit").asLong());

        HttpResponse<String> chunked = platform.send(HttpRequest.newBuilder(platform.uri("auth/login"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .header("Content-Type", "application/json"));
        assertEquals(413, chunked.statusCode());
    }

    /** Items 7 and 10: numbers bounded at parse time, fields given twice, hidden characters, mistyped parameters. */
    @Test
    public void d_badInputIsA400NamingTheField() throws Exception {
        String account = openClientAccount();
        for (String amount : new String[] { "\"1234567890123456789012345678901234567890\"", "1e308", "1e999999999" }) {
            long started = System.nanoTime();
            HttpResponse<String> refused = platform.operatorPost("operator/ledger/payments-in", "{\"idempotencyKey\":\""
                    + UUID.randomUUID() + "\",\"account\":\"" + account + "\",\"counterpart\":\"" + bank()
                    + "\",\"asset\":\"KZT\",\"amount\":" + amount + "}", "Accept-Language", "en");
            assertEquals(refused.body(), 400, refused.statusCode());
            assertEquals("amount", ItSupport.json(refused).get("field").asText());
            assertTrue("parsing " + amount + " costs no seconds of arithmetic",
                    Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(2)) < 0);
        }
        HttpResponse<String> tooFine = platform.operatorPost("operator/ledger/payments-in", "{\"idempotencyKey\":\""
                + UUID.randomUUID() + "\",\"account\":\"" + account + "\",\"counterpart\":\"" + bank()
                + "\",\"asset\":\"KZT\",\"amount\":\"1.001\"}");
        assertEquals("a scale finer than the tenge's is the ledger's refusal", 422, tooFine.statusCode());

        assertEquals("a blank asOf is now", 200,
                platform.operatorGet("operator/ledger/accounts/" + account + "/balances?asOf=").statusCode());
        HttpResponse<String> limit = platform.operatorGet("operator/identities?limit=abc", "Accept-Language", "en");
        assertEquals(400, limit.statusCode());
        assertEquals("limit", ItSupport.json(limit).get("field").asText());
        HttpResponse<String> former = platform.operatorGet("operator/clients?name=x&former=maybe");
        assertEquals(400, former.statusCode());
        assertEquals("former", ItSupport.json(former).get("field").asText());

        HttpResponse<String> twice = platform.post("auth/login",
                "{\"identifier\":\"a\",\"identifier\":\"admin\",\"password\":\"x\",\"client\":\"app\"}", "Accept-Language", "kk");
        assertEquals(400, twice.statusCode());
        assertEquals("identifier", ItSupport.json(twice).get("field").asText());
        assertEquals("kk", ItSupport.json(twice).get("language").asText());
        for (String hidden : new String[] { "\\u0000", "\\u202E", "\\uD800" }) {
            HttpResponse<String> created = platform.operatorPost("operator/clients", "{\"kind\":\"INDIVIDUAL\",\"taxId\":"
                    + "\"860515301234\",\"name\":\"Әсел" + hidden + "Жұмабаева\",\"phone\":\"+77011112233\",\"taxResidency\":\"KZ\"}");
            assertEquals(hidden, 400, created.statusCode());
            assertEquals("name", ItSupport.json(created).get("field").asText());
        }
        HttpResponse<String> badClient = platform.operatorPost("operator/identities", "{\"login\":\"odd" + PEOPLE.incrementAndGet()
                + "\",\"phone\":\"+77017770001\",\"clientId\":\"no such/client %\"}");
        assertEquals(400, badClient.statusCode());
        assertEquals("clientId", ItSupport.json(badClient).get("field").asText());
    }

    /** Item 10: a % or _ typed into a client search is a character, not a wildcard. */
    @Test
    public void e_searchWildcardsAreEscaped() throws Exception {
        String mark = "Z" + UUID.randomUUID().toString().substring(0, 6);
        for (String name : new String[] { mark + " 100% Ltd", mark + " 1000 Ltd" }) {
            HttpResponse<String> created = platform.operatorPost("operator/clients", "{\"kind\":\"LEGAL_ENTITY\",\"taxId\":\""
                    + nextBin() + "\",\"name\":\"" + name + "\",\"phone\":\"+7701" + String.format("%07d", PEOPLE.incrementAndGet())
                    + "\",\"taxResidency\":\"KZ\"}");
            assertEquals(created.body(), 200, created.statusCode());
        }
        JsonNode percent = ItSupport.json(platform.operatorGet("operator/clients?name=" + mark + "%20100%25"));
        assertEquals(percent.toString(), 1, percent.get("total").asInt());
        JsonNode underscore = ItSupport.json(platform.operatorGet("operator/clients?name=" + mark + "%20100_"));
        assertEquals(0, underscore.get("total").asInt());
    }

    // ------------------------------------------------------------------ the address a request comes from (item 1)

    /**
     * Item 1, §43: behind the trusted proxy the forwarded address counts (its right-most
     * untrusted hop); from anyone else the forwarding headers are ignored. A blocked
     * address refuses logins with the reason and until when, and changes no one's password.
     */
    @Test
    public void f_theTrustedProxyNamesTheAddressThatIsBlocked() throws Exception {
        Person victim = newClient();
        String stuffer = "198.51.100." + (10 + PEOPLE.incrementAndGet() % 200);
        for (int i = 0; i < 5; i++) {
            RawHttps.Answer failed = login(PROXY, "6.6.6.6, " + stuffer, "stuffed" + i + "@example.com", "Guess-Password-1");
            assertEquals(failed.body(), 401, failed.status());
        }
        RawHttps.Answer blocked = login(PROXY, stuffer, victim.login(), PASSWORD);
        assertEquals(403, blocked.status());
        assertTrue(blocked.body(), blocked.body().contains("address-blocked") && blocked.body().contains("blockedUntil"));
        assertTrue("§29: the reason", blocked.body().contains("blocked until"));

        assertEquals("another client behind the same proxy is not blocked", 200,
                login(PROXY, "198.51.100.250", victim.login(), PASSWORD).status());
        assertEquals("a client that is no proxy cannot claim the blocked address", 200,
                login("127.0.0.1", stuffer, victim.login(), PASSWORD).status());
        JsonNode view = ItSupport.json(platform.operatorGet("operator/identities/" + victim.id()));
        assertTrue("the right password sent from the blocked address changed nothing", view.get("passwordSet").asBoolean());
        assertFalse(view.get("passwordChangeRequired").asBoolean());
        List<AuditRecord> trail = journal().search(new AuditQuery(stuffer, null, "auth.address.blocked", null, null, null, 5));
        assertEquals(1, trail.size());
        assertEquals(stuffer, trail.get(0).event().address());
    }

    private RawHttps.Answer login(String from, String forwardedFor, String identifier, String password) throws Exception {
        return raw.send(from, "POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Accept-Language: en\r\nX-Forwarded-For: " + forwardedFor, "{\"identifier\":\"" + identifier
                        + "\",\"password\":\"" + password + "\",\"client\":\"app\"}");
    }

    // ------------------------------------------------------------------ staff and operators (item 3)

    /** Item 3: only administrators act on staff identities; an operator cannot void, unlock or reinstate one. */
    @Test
    public void g_operatorsCannotActOnStaffIdentities() throws Exception {
        Person colleague = newStaff("operator");
        String operator = staffToken(newStaff("operator"));
        String adminId = identityId(ItSupport.ADMIN_LOGIN);
        for (String target : new String[] { adminId, colleague.id() }) {
            for (String action : new String[] { "compromise", "unlock", "reinstatement" }) {
                String body = action.equals("compromise") ? "{\"reason\":\"test\"}" : action.equals("reinstatement")
                        ? "{\"office\":\"Almaty\",\"visitedAt\":\"2026-01-01T10:00:00Z\",\"documentType\":\"ID card\",\"documentNumber\":\"1\"}"
                        : "{}";
                HttpResponse<String> refused = platform.post("operator/identities/" + target + "/" + action, body,
                        "Authorization", "Bearer " + operator, "Accept-Language", "en");
                assertEquals(action + " by an operator: " + refused.body(), 403, refused.statusCode());
            }
        }
        assertEquals("the administrator's password still works", 200, platform.post("auth/login", "{\"identifier\":\""
                + ItSupport.ADMIN_LOGIN + "\",\"password\":\"" + ItSupport.ADMIN_PASSWORD + "\",\"client\":\"app\"}").statusCode());
        assertEquals("an administrator may", 204, platform.operatorPost("operator/identities/" + colleague.id() + "/compromise",
                "{\"reason\":\"left the company\"}").statusCode());
    }

    // ------------------------------------------------------------------ account existence (item 9)

    /**
     * Item 9, §22: recovery is queued and answered at once, the look-up and sending
     * happen later (here the channel is held back while the answer comes); and an
     * identifier nobody has is locked after five failures just like an account.
     */
    @Test
    public void h_nothingTellsWhetherAnAccountExists() throws Exception {
        Person client = newClient();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch delivered = new CountDownLatch(1);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(OtpChannel.CHANNEL_PROPERTY, OtpChannel.EMAIL);
        properties.put(Constants.SERVICE_RANKING, 5000);
        var registration = context.registerService(OtpChannel.class, message -> {
            try {
                held.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delivered.countDown();
        }, properties);
        try {
            HttpResponse<String> known = platform.post("auth/recovery", "{\"identifier\":\"" + client.email()
                    + "\",\"channel\":\"email\"}");
            HttpResponse<String> unknown = platform.post("auth/recovery", "{\"identifier\":\"ghost" + UUID.randomUUID()
                    + "@mail.kz\",\"channel\":\"email\"}");
            assertEquals("answered while the code is still on its way", 202, known.statusCode());
            assertEquals(known.statusCode(), unknown.statusCode());
            assertEquals(known.body(), unknown.body());
            assertEquals(1, delivered.getCount());
            held.countDown();
            assertTrue("sent off the request path", delivered.await(20, TimeUnit.SECONDS));
        } finally {
            held.countDown();
            registration.unregister();
        }

        String ghost = "ghost" + PEOPLE.incrementAndGet() + "@mail.kz";
        Person real = newClient();
        for (int i = 0; i < 4; i++) {
            assertEquals(401, platform.post("auth/login", loginBody(ghost, "Wrong-Pass-" + i)).statusCode());
            assertEquals(401, platform.post("auth/login", loginBody(real.email(), "Wrong-Pass-" + i)).statusCode());
        }
        HttpResponse<String> ghostFifth = platform.post("auth/login", loginBody(ghost, "Wrong-Pass-5"), "Accept-Language", "en");
        HttpResponse<String> realFifth = platform.post("auth/login", loginBody(real.email(), "Wrong-Pass-5"), "Accept-Language", "en");
        assertEquals(realFifth.statusCode(), ghostFifth.statusCode());
        assertEquals(ItSupport.json(realFifth).get("type"), ItSupport.json(ghostFifth).get("type"));
        HttpResponse<String> ghostSixth = platform.post("auth/login", loginBody(ghost, "Wrong-Pass-6"), "Accept-Language", "en");
        HttpResponse<String> realSixth = platform.post("auth/login", loginBody(real.email(), PASSWORD), "Accept-Language", "en");
        assertEquals(realSixth.body(), 403, realSixth.statusCode());
        assertEquals(realSixth.statusCode(), ghostSixth.statusCode());
        assertEquals(ItSupport.json(realSixth).get("type"), ItSupport.json(ghostSixth).get("type"));
    }

    private static String loginBody(String identifier, String password) {
        return "{\"identifier\":\"" + identifier + "\",\"password\":\"" + password + "\",\"client\":\"app\"}";
    }

    // ------------------------------------------------------------------ operator postings (item 4)

    /**
     * Item 4, §25: an operator books money and securities in from the outside world
     * only; client-to-client movements are the clients' confirmed instructions.
     */
    @Test
    public void i_operatorPostingsComeFromOutsideOnly() throws Exception {
        String first = openClientAccount();
        String second = openClientAccount();
        HttpResponse<String> betweenClients = payIn(first, second, "KZT", "100.00");
        assertEquals(betweenClients.body(), 422, betweenClients.statusCode());
        assertEquals("counterpart", ItSupport.json(betweenClients).get("field").asText());
        HttpResponse<String> toItself = payIn(first, first, "KZT", "100.00");
        assertEquals(400, toItself.statusCode());
        assertEquals("counterpart", ItSupport.json(toItself).get("field").asText());
        HttpResponse<String> securityAsMoney = payIn(first, bank(), security(), "5");
        assertEquals(422, securityAsMoney.statusCode());
        assertEquals("asset", ItSupport.json(securityAsMoney).get("field").asText());
        assertEquals(200, payIn(first, bank(), "KZT", "100.00").statusCode());
        assertEquals("nothing moved between the clients", 0, ItSupport.json(platform.operatorGet("operator/ledger/accounts/"
                + second + "/balances")).get("balances").size());
    }

    /** Item 4: above the threshold a posting waits for a second operator; the one who asked cannot approve it. */
    @Test
    public void j_largePostingsNeedASecondOperator() throws Exception {
        String account = openClientAccount();
        HttpResponse<String> large = payIn(account, bank(), "KZT", "2500000.00");
        assertEquals(large.body(), 202, large.statusCode());
        long approval = ItSupport.json(large).get("approval").get("id").asLong();
        assertEquals("PENDING", ItSupport.json(large).get("approval").get("status").asText());
        assertEquals("nothing is posted yet", 0, ItSupport.json(platform.operatorGet("operator/ledger/accounts/" + account
                + "/balances")).get("balances").size());

        HttpResponse<String> ownApproval = platform.operatorPost("operator/ledger/approvals/" + approval + "/approval", "");
        assertEquals("the maker cannot check", 403, ownApproval.statusCode());

        String checker = staffToken(newStaff("operator"));
        HttpResponse<String> pending = platform.get("operator/ledger/approvals", "Authorization", "Bearer " + checker);
        assertTrue(pending.body().contains("\"id\":" + approval));
        HttpResponse<String> approved = platform.post("operator/ledger/approvals/" + approval + "/approval", "",
                "Authorization", "Bearer " + checker);
        assertEquals(approved.body(), 200, approved.statusCode());
        assertEquals("APPROVED", ItSupport.json(approved).get("status").asText());
        assertEquals("2500000.00", ItSupport.json(platform.operatorGet("operator/ledger/accounts/" + account + "/balances"))
                .get("balances").get(0).get("total").asText());
        assertEquals("decided once", 409, platform.post("operator/ledger/approvals/" + approval + "/approval", "",
                "Authorization", "Bearer " + checker).statusCode());

        long rejected = ItSupport.json(payIn(account, bank(), "KZT", "3000000.00")).get("approval").get("id").asLong();
        HttpResponse<String> rejection = platform.post("operator/ledger/approvals/" + rejected + "/rejection",
                "{\"reason\":\"no bank statement\"}", "Authorization", "Bearer " + checker);
        assertEquals("REJECTED", ItSupport.json(rejection).get("status").asText());
        assertEquals(1, journal().findBySubject("approval:" + approval, 10).stream()
                .filter(record -> record.event().type().equals("ledger.approval.approved")).count());
    }

    /** Item 16: an account id opened again for another type is a conflict, not a second opening. */
    @Test
    public void k_anAccountIsOpenedOnce() throws Exception {
        String account = openClientAccount();
        HttpResponse<String> again = platform.operatorPost("operator/ledger/accounts", "{\"id\":\"" + account
                + "\",\"type\":\"BROKER\",\"owner\":null,\"name\":\"Broker\"}");
        assertEquals(again.body(), 409, again.statusCode());
    }

    /**
     * Item 16, §45.2: a document number is taken before the document is rendered; every
     * number taken is journalled with what it was for, so no gap in a series goes unexplained.
     */
    @Test
    public void l_everyDocumentNumberTakenIsJournalled() throws Exception {
        kz.qyzmet.documents.api.Documents documents = context.getService(context.getServiceReference(
                kz.qyzmet.documents.api.Documents.class));
        kz.qyzmet.documents.api.StoredDocument issued = documents.issue(new kz.qyzmet.documents.api.FileSpec("operations-report",
                "C-NUM-1", kz.qyzmet.common.api.Language.EN, "Operations", "text/csv", "csv", null),
                out -> out.write("date,amount\n".getBytes(StandardCharsets.UTF_8)),
                new kz.qyzmet.common.api.Caller("tester", "system", "", "", "trust-it"));
        List<AuditRecord> reserved = journal().search(new AuditQuery(issued.number(), null, "document.number.reserved", null, null,
                null, 5));
        assertEquals("number " + issued.number() + " was journalled when taken", 1, reserved.size());
        assertEquals("C-NUM-1", reserved.get(0).event().details().get("owner"));
    }

    // ------------------------------------------------------------------ a change and its record (item 13)

    /**
     * Item 2, §45: the platform's runtime account cannot alter what no one may
     * alter, whatever the application does: no DDL, no dropping a trigger, no
     * update or delete of postings, the journal, issued documents or what a client
     * confirmed. Triggers refuse the same; privileges refuse it before them.
     */
    @Test
    public void x_theRuntimeAccountCannotAlterOperationsJournalOrDocuments() throws Exception {
        String[] refused = { "DROP TRIGGER audit_event_no_update", "ALTER TABLE ledger_posting ADD COLUMN x INT",
                "UPDATE ledger_posting SET amount = amount + 1", "DELETE FROM ledger_entry", "UPDATE audit_event SET actor = 'x'",
                "DELETE FROM audit_event", "UPDATE doc_document SET size = 0", "DELETE FROM doc_document",
                "UPDATE instr_instruction SET digest = 'x'", "UPDATE instr_instruction SET content = '{}'",
                "DELETE FROM instr_instruction", "DELETE HISTORY FROM client", "DROP TABLE ledger_balance",
                "CREATE TABLE intruder (id INT)" };
        try (Connection connection = runtimeDataSource().getConnection(); Statement sql = connection.createStatement()) {
            for (String statement : refused) {
                try {
                    sql.execute(statement);
                    throw new AssertionError("the runtime account was allowed: " + statement);
                } catch (java.sql.SQLException denied) {
                    // 1142 command denied for the table, 1143 for a column, 1044 for the database
                    assertTrue(statement + " → " + denied.getErrorCode() + " " + denied.getMessage(),
                            denied.getErrorCode() == 1142 || denied.getErrorCode() == 1143 || denied.getErrorCode() == 1044);
                }
            }
            assertTrue("it works with what it may", sql.execute("SELECT COUNT(*) FROM ledger_posting"));
        }
    }

    /**
     * Item 13, §45.1: a change and its audit record commit together. With the journal
     * unable to take the record, the payment is not made either.
     */
    @Test
    public void y_aChangeThatCannotBeRecordedDoesNotHappen() throws Exception {
        String account = openClientAccount();
        try (Connection connection = rootDataSource().getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("RENAME TABLE audit_pending TO audit_pending_away");
            try {
                HttpResponse<String> payment = payIn(account, bank(), "KZT", "10.00");
                assertTrue(payment.body(), payment.statusCode() >= 500);
                assertTrue(payment.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            } finally {
                sql.execute("RENAME TABLE audit_pending_away TO audit_pending");
            }
        }
        assertEquals("the payment that could not be recorded was not made", 0, ItSupport.json(platform.operatorGet(
                "operator/ledger/accounts/" + account + "/balances")).get("balances").size());
        assertTrue(journal().verify().intact());
    }

    /** Item 13: a ledger entry written around the platform, without its record, is named by the verification. */
    @Test
    public void z_verificationNamesAnEntryWithoutItsRecord() throws Exception {
        assertTrue(journal().verify().intact());
        try (Connection connection = rootDataSource().getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("INSERT INTO ledger_entry (idempotency_key, kind, description, reference, posted_at, actor)"
                    + " VALUES ('around-the-platform', 'PAYMENT_IN', 'x', '', UTC_TIMESTAMP(6), 'intruder')");
        }
        AuditVerification verification = journal().verify();
        assertFalse(verification.intact());
        assertEquals(AuditVerification.Kind.UNRECORDED, verification.problem().kind());
        assertTrue(verification.problem().detail(), verification.problem().detail().startsWith("ledger entries: ledger entry "));
    }

    /**
     * §35.3, §40: a manager prepares an instruction at a client's request, which
     * only the client's own code signs; of the operator API nothing else is open
     * to a manager (the queue, states, records, ledger), and each refusal is journalled.
     */
    @Test
    public void aManagerPreparesForAClientAndReachesNothingElseOfTheOperatorApi() throws Exception {
        ItSupport.ClientSession client = platform.newClientWithAccount("MGR", "+77013");
        String manager = staffToken(newStaff("manager"));
        String[] bearer = { "Authorization", "Bearer " + manager, "Accept-Language", "en" };
        HttpResponse<String> prepared = platform.post("operator/services/extract/prepared", "{\"clientId\":\""
                + client.clientId() + "\",\"request\":{\"language\":\"ru\"}}", bearer);
        assertEquals(prepared.body(), 200, prepared.statusCode());
        JsonNode instruction = ItSupport.json(prepared).get("instruction");
        assertEquals("AWAITING_CONFIRMATION", instruction.get("status").asText());
        assertTrue(instruction.toString(), instruction.get("preparedBy").asText().startsWith("manager"));
        for (String[] closed : new String[][] { { "GET", "operator/queue" }, { "GET", "operator/instructions" },
                { "PUT", "operator/services/extract/state" }, { "GET", "operator/clients" },
                { "GET", "operator/ledger/accounts/" + client.clientId() + "/balances" }, { "GET", "operator/identities" } }) {
            HttpResponse<String> refused = platform.send(java.net.http.HttpRequest.newBuilder(platform.uri(closed[1]))
                    .method(closed[0], closed[0].equals("PUT") ? java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"state\":\"DISABLED\"}") : java.net.http.HttpRequest.BodyPublishers.noBody())
                    .header("Content-Type", "application/json"), bearer);
            assertEquals(closed[0] + " " + closed[1] + ": " + refused.body(), 403, refused.statusCode());
        }
        assertTrue("the refusals are journalled", journal().findBySubject("operator-api", 50).stream()
                .anyMatch(record -> record.event().type().equals("security.operator.denied")
                        && "role-manager".equals(record.event().details().get("reason"))));
    }

    // ------------------------------------------------------------------ helpers

    private record Person(String id, String login, String phone, String email) {
    }

    private Person newClient() throws Exception {
        return newIdentity("client", "\"clientId\":\"C-" + UUID.randomUUID().toString().substring(0, 8) + "\",");
    }

    private Person newStaff(String role) throws Exception {
        return newIdentity(role, "\"role\":\"" + role + "\",");
    }

    private Person newIdentity(String prefix, String extra) throws Exception {
        int n = PEOPLE.incrementAndGet();
        String login = prefix + n + "t" + UUID.randomUUID().toString().substring(0, 4);
        String phone = "+77019" + String.format("%06d", n);
        String email = login + "@mail.kz";
        HttpResponse<String> created = platform.operatorPost("operator/identities", "{\"login\":\"" + login + "\",\"phone\":\""
                + phone + "\",\"email\":\"" + email + "\"," + extra + "\"displayName\":\"Айгерім Сапарова\"}");
        assertEquals(created.body(), 201, created.statusCode());
        HttpResponse<String> activated = platform.post("auth/activation", "{\"identifier\":\"" + login + "\",\"code\":\""
                + platform.latestCode(phone) + "\",\"newPassword\":\"" + PASSWORD + "\"}");
        assertEquals(activated.body(), 204, activated.statusCode());
        return new Person(ItSupport.json(created).get("id").asText(), login, phone, email);
    }

    /** A staff login: password, then the code sent to the phone. */
    private String staffToken(Person staff) throws Exception {
        HttpResponse<String> login = platform.post("auth/login", loginBody(staff.login(), PASSWORD));
        assertEquals(login.body(), 200, login.statusCode());
        String token = ItSupport.json(login).get("token").asText();
        HttpResponse<String> second = platform.post("auth/login/second-factor", "{\"code\":\"" + platform.latestCode(staff.phone())
                + "\"}", "Authorization", "Bearer " + token);
        assertEquals(second.body(), 200, second.statusCode());
        return ItSupport.json(second).get("token").asText();
    }

    private String identityId(String login) throws Exception {
        for (JsonNode identity : ItSupport.json(platform.operatorGet("operator/identities?limit=500"))) {
            if (identity.get("login").asText().equals(login)) {
                return identity.get("id").asText();
            }
        }
        throw new AssertionError("no identity " + login);
    }

    private static boolean assetsDefined;

    private synchronized String bank() throws Exception {
        if (!assetsDefined) {
            assertEquals(200, platform.operatorPost("operator/ledger/accounts",
                    "{\"id\":\"TRUST-BANK\",\"type\":\"EXTERNAL\",\"owner\":null,\"name\":\"Correspondent account\"}").statusCode());
            kz.qyzmet.ledger.api.Ledger ledger = context.getService(context.getServiceReference(kz.qyzmet.ledger.api.Ledger.class));
            if (ledger.asset("KZT").isEmpty()) {
                ledger.defineAsset(new kz.qyzmet.ledger.api.Asset("KZT", kz.qyzmet.ledger.api.AssetKind.CURRENCY, 2, "Tenge"));
            }
            if (ledger.asset(security()).isEmpty()) {
                ledger.defineAsset(new kz.qyzmet.ledger.api.Asset(security(), kz.qyzmet.ledger.api.AssetKind.SECURITY, 0, "Apple"));
            }
            assetsDefined = true;
        }
        return "TRUST-BANK";
    }

    private static String security() {
        return "US0378331005";
    }

    private String openClientAccount() throws Exception {
        bank();
        String account = "C-TRUST-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> opened = platform.operatorPost("operator/ledger/accounts", "{\"id\":\"" + account
                + "\",\"type\":\"CLIENT\",\"owner\":\"client-" + account + "\",\"name\":\"Test client\"}");
        assertEquals(opened.body(), 200, opened.statusCode());
        return account;
    }

    private HttpResponse<String> payIn(String account, String counterpart, String asset, String amount) throws Exception {
        return platform.operatorPost("operator/ledger/payments-in", "{\"idempotencyKey\":\"" + UUID.randomUUID()
                + "\",\"account\":\"" + account + "\",\"counterpart\":\"" + counterpart + "\",\"asset\":\"" + asset
                + "\",\"amount\":\"" + amount + "\"}", "Accept-Language", "en");
    }

    private static long bins = 0;

    /** A BIN with a valid check digit (the client records check it). */
    private static synchronized String nextBin() {
        while (true) {
            String base = String.format("9912%07d", ++bins);
            int digit = checkDigit(base);
            if (digit < 10) {
                return base + digit;
            }
        }
    }

    private static int checkDigit(String eleven) {
        int[] first = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
        int[] second = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2 };
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (eleven.charAt(i) - '0') * first[i];
        }
        int digit = sum % 11;
        if (digit == 10) {
            sum = 0;
            for (int i = 0; i < 11; i++) {
                sum += (eleven.charAt(i) - '0') * second[i];
            }
            digit = sum % 11;
        }
        return digit;
    }

    private AuditJournal journal() {
        return context.getService(context.getServiceReference(AuditJournal.class));
    }

    private DataSource rootDataSource() throws Exception {
        return ItSupport.administrator(context, "");
    }

    private DataSource runtimeDataSource() throws Exception {
        return context.getService(context.getServiceReferences(DataSource.class, "(qyzmet.datasource=main)").iterator().next());
    }
}
