package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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

import kz.qyzmet.ledger.api.EntryRequest;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.ledger.api.LedgerRefusal;
import kz.qyzmet.ledger.api.Posting;

/**
 * Account settings on the real platform (issue #16, §7.2): a certificate staff
 * issue; closing an account refused while money or open instructions remain,
 * completed by staff once it is empty, after which the account takes nothing;
 * a statement for a past period and a contract copy staff attach before
 * completing; an instruction under way cancelled from the service's page.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AccountSettingsIT {
    @Inject
    BundleContext context;

    private ItSupport platform;
    private Ledger ledger;

    @Configuration
    public Option[] configuration() throws Exception {
        return ItPlatform.options("accountsettings", List.of("qyzmet-default"), Map.of());
    }

    @Before
    public void setUp() throws Exception {
        platform = new ItSupport(context);
        ledger = context.getService(context.getServiceReference(Ledger.class));
        ledger.openAccount("AS-BANK", kz.qyzmet.ledger.api.AccountType.EXTERNAL, null, "Correspondent bank");
        if (ledger.asset("KZT").isEmpty()) {
            ledger.defineAsset(new kz.qyzmet.ledger.api.Asset("KZT", kz.qyzmet.ledger.api.AssetKind.CURRENCY, 2, "Kazakhstani tenge"));
        }
    }

    private ItSupport.ClientSession clientWith(String tenge) throws Exception {
        ItSupport.ClientSession client = platform.newClientWithAccount("AS", "+77011");
        move("AS-BANK", client.clientId(), tenge);
        return client;
    }

    private void move(String from, String to, String tenge) {
        ledger.post(new EntryRequest("as-" + java.util.UUID.randomUUID(), "PAYMENT_IN", "Test money", "it", "it", List.of(
                Posting.of(from, "KZT", new BigDecimal(tenge).negate()), Posting.of(to, "KZT", new BigDecimal(tenge)))));
    }

    private HttpResponse<String> complete(String id) throws Exception {
        assertEquals(200, platform.operatorPost("operator/queue/" + id + "/take", "{}").statusCode());
        return platform.operatorPost("operator/queue/" + id + "/complete", "{\"documentIds\":[]}", "Accept-Language", "en");
    }

    @Test
    public void staffIssueTheCertificateTheClientOrdered() throws Exception {
        ItSupport.ClientSession client = clientWith("1250.50");
        String id = platform.requestConfirmed("account-settings", "{\"operation\":\"certificate\",\"language\":\"kk\"}", client,
                "ACCEPTED");
        HttpResponse<String> done = complete(id);
        assertEquals(done.body(), 200, done.statusCode());
        JsonNode executed = ItSupport.json(platform.get("services/account-settings/requests/" + id, client.bearer("en")));
        assertEquals("EXECUTED", executed.get("status").asText());
        HttpResponse<byte[]> pdf = platform.getBytes(executed.get("documents").get(0).asText().replace("/api/v1/", ""),
                client.bearer("en"));
        assertEquals(200, pdf.statusCode());
        ItSupport.keepIssuedPdf("account-certificate", pdf.body());
        // issue #16: the client hears of it through the message channel, in their language (kk)
        String number = executed.get("number").asText();
        ItSupport.await(java.time.Duration.ofSeconds(5), "the notice", () -> platform.messagesTo(client.phone()).stream()
                .anyMatch(message -> message.text().contains(number) && message.text().contains("орындалды")));
    }

    @Test
    public void anAccountClosesOnlyWhenEmptyAndThenTakesNothing() throws Exception {
        ItSupport.ClientSession client = clientWith("500.00");
        String close = "{\"operation\":\"close-account\"}";
        HttpResponse<String> withMoney = platform.post("services/account-settings/requests", close, client.bearer("en"));
        assertEquals(withMoney.body(), 409, withMoney.statusCode());
        assertTrue(withMoney.body(), ItSupport.json(withMoney).get("detail").asText().contains("KZT 500"));

        move(client.clientId(), "AS-BANK", "500.00");
        String id = platform.requestConfirmed("account-settings", close, client, "ACCEPTED");
        // money arrives before staff get to it: completing is refused to staff, who may then reject
        move("AS-BANK", client.clientId(), "10.00");
        HttpResponse<String> refused = complete(id);
        assertEquals(refused.body(), 409, refused.statusCode());
        assertTrue(refused.body(), ItSupport.json(refused).get("detail").asText().contains("still holds"));
        assertTrue("still open", ledger.closedAt(client.clientId()).isEmpty());
        move(client.clientId(), "AS-BANK", "10.00");
        HttpResponse<String> done = platform.operatorPost("operator/queue/" + id + "/complete", "{\"documentIds\":[]}");
        assertEquals(done.body(), 200, done.statusCode());
        assertTrue(ledger.closedAt(client.clientId()).isPresent());

        try {
            move("AS-BANK", client.clientId(), "1.00");
            fail("a closed account took money");
        } catch (LedgerRefusal closed) {
            assertEquals(LedgerRefusal.Reason.ACCOUNT_CLOSED, closed.reason());
        }
        HttpResponse<String> again = platform.post("services/account-settings/requests", "{\"operation\":\"certificate\"}",
                client.bearer("ru"));
        assertEquals(409, again.statusCode());
        assertTrue(again.body(), ItSupport.json(again).get("detail").asText().contains("закрыт"));
        try (Connection connection = ItSupport.administrator(context, "").getConnection();
                Statement sql = connection.createStatement()) {
            sql.executeUpdate("UPDATE ledger_account SET closed_at = NULL WHERE id = '" + client.clientId() + "'");
            fail("the database reopened a closed account");
        } catch (SQLException refusedByTheDatabase) {
            assertTrue(refusedByTheDatabase.getMessage(), refusedByTheDatabase.getMessage().contains("never reopened"));
        }
    }

    @Test
    public void anAccountWithAnInstructionUnderWayIsNotClosed() throws Exception {
        ItSupport.ClientSession client = clientWith("0.01");
        move(client.clientId(), "AS-BANK", "0.01");
        // a staff-processed instruction on the account, waiting in the queue
        String waiting = platform.requestConfirmed("account-settings", "{\"operation\":\"certificate\"}", client, "ACCEPTED");
        HttpResponse<String> refused = platform.post("services/account-settings/requests", "{\"operation\":\"close-account\"}",
                client.bearer("en"));
        assertEquals(refused.body(), 409, refused.statusCode());
        assertTrue(refused.body(), ItSupport.json(refused).get("detail").asText().contains("under way"));
        assertTrue(refused.body(), ItSupport.json(refused).get("detail").asText().contains(
                ItSupport.json(platform.get("services/account-settings/requests/" + waiting, client.bearer("en"))).get("number")
                        .asText()));
    }

    private static final byte[] PDF = ("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n").getBytes(
            java.nio.charset.StandardCharsets.US_ASCII);

    private HttpResponse<String> attach(String id, byte[] body, String type) throws Exception {
        return platform.postBytes("operator/queue/" + id + "/documents?name=Statement%202025", body, type,
                platform.withOperator("Accept-Language", "en"));
    }

    @Test
    public void aStatementForAPastPeriodIsTheDocumentStaffAttach() throws Exception {
        ItSupport.ClientSession client = clientWith("10");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Almaty"));
        for (String[] bad : new String[][] { { today.minusDays(3).toString(), today.toString(), "to" },
                { today.minusDays(3).toString(), today.minusDays(5).toString(), "to" },
                { today.minusYears(6).toString(), today.minusYears(5).toString(), "from" }, { "2025-13-01", "2025-12-31", "from" } }) {
            HttpResponse<String> refused = platform.post("services/account-settings/requests", "{\"operation\":\"statement\","
                    + "\"from\":\"" + bad[0] + "\",\"to\":\"" + bad[1] + "\"}", client.bearer("en"));
            assertEquals(refused.body(), 400, refused.statusCode());
            assertEquals(bad[2], ItSupport.json(refused).get("field").asText());
        }
        String id = platform.requestConfirmed("account-settings", "{\"operation\":\"statement\",\"from\":\""
                + today.minusMonths(2) + "\",\"to\":\"" + today.minusMonths(1) + "\"}", client, "ACCEPTED");
        assertEquals("only an instruction in work takes a document", 409, attach(id, PDF, "application/pdf").statusCode());
        assertEquals(200, platform.operatorPost("operator/queue/" + id + "/take", "{}").statusCode());
        HttpResponse<String> early = platform.operatorPost("operator/queue/" + id + "/complete", "{\"documentIds\":[]}",
                "Accept-Language", "en");
        assertEquals("completing without the ordered document: " + early.body(), 409, early.statusCode());
        assertEquals("DOCUMENT_REQUIRED", ItSupport.json(early).get("reason").asText());
        assertEquals("not a PDF", 415, attach(id, "GIF89a not a pdf at all".getBytes(), "application/pdf").statusCode());

        // a document of another instruction is not this one's
        String other = platform.requestConfirmed("account-settings", "{\"operation\":\"contract-copy\"}", client, "ACCEPTED");
        assertEquals(200, platform.operatorPost("operator/queue/" + other + "/take", "{}").statusCode());
        String foreign = ItSupport.json(attach(other, PDF, "application/pdf")).get("id").asText();
        assertEquals(409, platform.operatorPost("operator/queue/" + id + "/complete", "{\"documentIds\":[\"" + foreign + "\"]}")
                .statusCode());

        HttpResponse<String> attached = attach(id, PDF, "application/pdf");
        assertEquals(attached.body(), 200, attached.statusCode());
        String document = ItSupport.json(attached).get("id").asText();
        HttpResponse<String> done = platform.operatorPost("operator/queue/" + id + "/complete", "{\"documentIds\":[\"" + document
                + "\"]}");
        assertEquals(done.body(), 200, done.statusCode());
        JsonNode executed = ItSupport.json(platform.get("services/account-settings/requests/" + id, client.bearer("en")));
        assertEquals("EXECUTED", executed.get("status").asText());
        HttpResponse<byte[]> downloaded = platform.getBytes(executed.get("documents").get(0).asText().replace("/api/v1/", ""),
                client.bearer("en"));
        assertEquals(200, downloaded.statusCode());
        assertTrue("the client gets the very file staff attached", java.util.Arrays.equals(PDF, downloaded.body()));
    }

    @SuppressWarnings("unchecked")
    private List<Object> underWay(ItSupport.ClientSession client) throws Exception {
        var references = context.getServiceReferences(kz.qyzmet.web.api.CabinetPage.class, "(qyzmet.service.id=account-settings)");
        assertEquals(1, references.size());
        kz.qyzmet.web.api.CabinetPage page = context.getService(references.iterator().next());
        return (List<Object>) page.model(new kz.qyzmet.web.api.PageRequest(kz.qyzmet.common.api.Language.EN, client.clientId(),
                true, Map.of())).get("underWay");
    }

    @Test
    public void aRejectedOrderIsNoticedWithItsReason() throws Exception {
        ItSupport.ClientSession client = clientWith("10");
        String id = platform.requestConfirmed("account-settings", "{\"operation\":\"contract-copy\"}", client, "ACCEPTED");
        HttpResponse<String> rejected = platform.operatorPost("operator/queue/" + id + "/reject", "{\"reason\":{\"kk\":"
                + "\"Шарт мұрағатта жоқ\",\"ru\":\"Договора нет в архиве\",\"en\":\"No contract in the archive\"}}");
        assertEquals(rejected.body(), 200, rejected.statusCode());
        ItSupport.await(java.time.Duration.ofSeconds(5), "the notice of the rejection", () -> platform.messagesTo(client.phone())
                .stream().anyMatch(message -> message.text().contains("Шарт мұрағатта жоқ")));
        String journal = context.getService(context.getServiceReference(kz.qyzmet.audit.api.AuditJournal.class))
                .findBySubject(id, 30).toString();
        assertTrue(journal, journal.contains("instruction.notified"));
    }

    @Test
    public void anInstructionUnderWayIsCancelledFromTheServicePageWithItsOwnCode() throws Exception {
        ItSupport.ClientSession client = clientWith("10");
        String id = platform.requestConfirmed("account-settings", "{\"operation\":\"contract-copy\"}", client, "ACCEPTED");
        assertTrue("the page offers its cancellation: " + underWay(client), underWay(client).toString().contains(id));
        // what the page's button does: the core's cancellation, then its code, then the confirmation
        JsonNode cancellation = ItSupport.json(platform.post("instructions/" + id + "/cancellation", "", client.bearer("en")));
        String cancellationId = cancellation.get("id").asText();
        assertFalse("a cancellation awaiting its code takes the button away", underWay(client).toString().contains(id));
        JsonNode challenge = ItSupport.json(platform.post("instructions/" + cancellationId + "/confirmation", "", client.bearer("en")));
        HttpResponse<String> confirmed = platform.post("instructions/" + cancellationId + "/confirm", "{\"challengeId\":\""
                + challenge.get("challengeId").asText() + "\",\"code\":\"" + platform.latestCode(client.identityId()) + "\"}",
                client.bearer("en"));
        assertEquals(confirmed.body(), 200, confirmed.statusCode());
        assertEquals("CANCELLED", ItSupport.json(platform.get("services/account-settings/requests/" + id, client.bearer("en")))
                .get("status").asText());
        assertTrue(underWay(client).isEmpty());
    }

    /**
     * Issue #16: every staff-processed service of personal data and settings
     * promises 3 business days (§7.2), and its instructions get that deadline on
     * the platform's business calendar (a weekday, at least three days on).
     */
    @Test
    public void eachStaffProcessedSettingIsDueInThreeBusinessDays() throws Exception {
        JsonNode catalog = ItSupport.json(platform.get("catalog"));
        for (String service : List.of("personal-data", "w8ben", "account-settings", "source-of-funds")) {
            JsonNode entry = null;
            for (JsonNode candidate : catalog.get("services")) {
                if (candidate.get("id").asText().equals(service)) {
                    entry = candidate;
                }
            }
            assertTrue(service + " in the catalog: " + catalog, entry != null);
            assertEquals(service, "STAFF", entry.get("processing").asText());
            assertEquals(service, 3, entry.get("processingBusinessDays").asInt());
        }
        ItSupport.ClientSession client = clientWith("10");
        String id = platform.requestConfirmed("account-settings", "{\"operation\":\"contract-copy\"}", client, "ACCEPTED");
        JsonNode accepted = ItSupport.json(platform.get("services/account-settings/requests/" + id, client.bearer("en")));
        java.time.ZoneId almaty = java.time.ZoneId.of("Asia/Almaty");
        java.time.LocalDate confirmed = java.time.Instant.parse(accepted.get("confirmedAt").asText()).atZone(almaty).toLocalDate();
        java.time.LocalDate due = java.time.Instant.parse(accepted.get("dueBy").asText()).atZone(almaty).toLocalDate();
        int weekdays = 0;
        for (java.time.LocalDate day = confirmed.plusDays(1); !day.isAfter(due); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() < 6) {
                weekdays++;
            }
        }
        assertTrue("due " + due + " after " + confirmed + ": three business days, holidays aside", weekdays >= 3);
        assertTrue("a business day", due.getDayOfWeek().getValue() < 6);
    }
}
