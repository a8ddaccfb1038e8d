package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
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
 * completed by staff once it is empty, after which the account takes nothing.
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
}
