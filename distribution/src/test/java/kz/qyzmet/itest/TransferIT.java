package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import kz.qyzmet.ledger.api.AccountType;
import kz.qyzmet.ledger.api.Asset;
import kz.qyzmet.ledger.api.AssetKind;
import kz.qyzmet.ledger.api.Balance;
import kz.qyzmet.ledger.api.EntryRequest;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.ledger.api.Posting;
import kz.qyzmet.ledger.api.SubAccount;

/**
 * Transfers between a client's own accounts (issue #15) on the real platform:
 * instant and atomic, refused with rules §30.1, §30.2 and §30.3 in the client's
 * language, never to another client's account.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TransferIT {
    private static final String PASSWORD = "Steppe-Strong-2026";
    private static final String APPLE = "US0378331005";
    private static int clients;

    @Inject
    BundleContext context;

    private ItSupport platform;
    private Ledger ledger;

    @Configuration
    public Option[] configuration() throws Exception {
        return ItPlatform.options("transfer", List.of("qyzmet-default"), Map.of());
    }

    @Before
    public void setUp() throws Exception {
        platform = new ItSupport(context);
        ledger = context.getService(context.getServiceReference(Ledger.class));
        ledger.defineAsset(new Asset("KZT", AssetKind.CURRENCY, 2, "Kazakhstani tenge"));
        ledger.defineAsset(new Asset(APPLE, AssetKind.SECURITY, 0, "Apple Inc."));
        ledger.openAccount("EXT-BANK", AccountType.EXTERNAL, null, "Correspondent account");
        ledger.openAccount("EXT-CSD", AccountType.EXTERNAL, null, "Depository");
    }

    private record Client(ItSupport.ClientSession session, String main, String second) {
    }

    /** A client with two accounts: the main one with 100,000 KZT and 10 Apple shares, and an empty second one. */
    private Client newClient() throws Exception {
        int n;
        synchronized (TransferIT.class) {
            n = ++clients;
        }
        String id = "TR-" + n + "-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        String letters = UUID.randomUUID().toString().replaceAll("[^a-f]", "") + "abcd";
        ItSupport.ClientSession session = platform.onboardClient(id, "tr" + n + "x" + letters.substring(0, 4),
                "+77019" + String.format("%06d", n), PASSWORD);
        ledger.openAccount(id, AccountType.CLIENT, id, "Main");
        ledger.openAccount(id + "-2", AccountType.CLIENT, id, "Second");
        ledger.postAll(List.of(new EntryRequest("tr-fund-kzt-" + id, "PAYMENT_IN", "Funding", "it", "it",
                List.of(Posting.of("EXT-BANK", "KZT", new BigDecimal("-100000")), Posting.of(id, "KZT", new BigDecimal("100000")))),
                new EntryRequest("tr-fund-aapl-" + id, "SECURITIES_IN", "Funding", "it", "it",
                        List.of(Posting.of("EXT-CSD", APPLE, new BigDecimal("-10")), Posting.of(id, APPLE, BigDecimal.TEN)))));
        return new Client(session, id, id + "-2");
    }

    private JsonNode transfer(Client client, String body, String language) throws Exception {
        HttpResponse<String> created = platform.post("services/transfer/requests", body, client.session().bearer(language));
        assertEquals(created.body(), 201, created.statusCode());
        JsonNode submission = ItSupport.json(created);
        HttpResponse<String> confirmed = platform.post(submission.get("confirmation").get("confirm").asText()
                .replace("/api/v1/", ""), "{\"challengeId\":\"" + submission.get("confirmation").get("challengeId").asText()
                        + "\",\"code\":\"" + platform.latestCode(client.session().identityId()) + "\"}",
                client.session().bearer(language));
        assertEquals(confirmed.body(), 200, confirmed.statusCode());
        return ItSupport.json(confirmed);
    }

    private BigDecimal available(String account, String asset) {
        return ledger.balances(account).stream().filter(balance -> balance.asset().equals(asset)).findFirst()
                .map(Balance::available).orElse(BigDecimal.ZERO);
    }

    @Test
    public void moneyAndSecuritiesMoveAtOnceBetweenTheClientsOwnAccountsInOneEntry() throws Exception {
        Client client = newClient();
        JsonNode money = transfer(client, "{\"to\":\"" + client.second() + "\",\"asset\":\"kzt\",\"quantity\":\"2500.50\"}", "en");
        assertEquals("EXECUTED", money.get("status").asText());
        assertEquals(new BigDecimal("97499.50"), available(client.main(), "KZT"));
        assertEquals(new BigDecimal("2500.50"), available(client.second(), "KZT"));
        JsonNode shares = transfer(client, "{\"from\":\"" + client.main() + "\",\"to\":\"" + client.second() + "\",\"asset\":\""
                + APPLE + "\",\"quantity\":\"4\"}", "en");
        assertEquals("EXECUTED", shares.get("status").asText());
        assertEquals(new BigDecimal("6"), available(client.main(), APPLE));
        assertEquals(new BigDecimal("4"), available(client.second(), APPLE));
        List<String> journal = context.getService(context.getServiceReference(AuditJournal.class))
                .findBySubject(shares.get("id").asText(), 20).stream().map(AuditRecord::event).map(event -> event.type()).toList();
        assertTrue(journal.toString(), journal.containsAll(List.of("instruction.confirmed", "instruction.executed")));
    }

    @Test
    public void refusalsNameTheReasonOfRules30AndPostNothing() throws Exception {
        Client client = newClient();
        // §30.1: more securities than on the account
        JsonNode tooMany = transfer(client, "{\"to\":\"" + client.second() + "\",\"asset\":\"" + APPLE + "\",\"quantity\":\"11\"}",
                "ru");
        assertEquals("REFUSED", tooMany.get("status").asText());
        assertTrue(tooMany.toString(), tooMany.get("reason").asText().contains("больше, чем на счёте"));
        // §30.2: not enough money
        JsonNode poor = transfer(client, "{\"to\":\"" + client.second() + "\",\"asset\":\"KZT\",\"quantity\":\"100000.01\"}", "en");
        assertEquals("REFUSED", poor.get("status").asText());
        assertTrue(poor.toString(), poor.get("reason").asText().contains("Not enough money"));
        // §30.3: the shares are there, but an authority blocked 8 of them
        ledger.post(new EntryRequest("tr-block-" + client.main(), "BLOCK", "Blocked by court order", "it", "it",
                List.of(new Posting(client.main(), SubAccount.AVAILABLE, APPLE, new BigDecimal("-8")),
                        new Posting(client.main(), SubAccount.BLOCKED, APPLE, new BigDecimal("8")))));
        JsonNode blocked = transfer(client, "{\"to\":\"" + client.second() + "\",\"asset\":\"" + APPLE + "\",\"quantity\":\"5\"}",
                "kk");
        assertEquals("REFUSED", blocked.get("status").asText());
        assertTrue(blocked.toString(), blocked.get("reason").asText().contains("бұғатталған"));
        assertEquals(new BigDecimal("100000.00"), available(client.main(), "KZT"));
        assertEquals(new BigDecimal("2"), available(client.main(), APPLE));
        assertEquals(0, ledger.balances(client.second()).stream().filter(b -> b.total().signum() != 0).count());
    }

    @Test
    public void anotherClientsAccountDoesNotExistForTheClient() throws Exception {
        Client client = newClient();
        Client other = newClient();
        HttpResponse<String> refused = platform.post("services/transfer/requests", "{\"to\":\"" + other.main()
                + "\",\"asset\":\"KZT\",\"quantity\":\"1\"}", client.session().bearer("en"));
        assertEquals(400, refused.statusCode());
        assertEquals("to", ItSupport.json(refused).get("field").asText());
        HttpResponse<String> self = platform.post("services/transfer/requests", "{\"to\":\"" + client.main()
                + "\",\"asset\":\"KZT\",\"quantity\":\"1\"}", client.session().bearer("en"));
        assertEquals(400, self.statusCode());
        HttpResponse<String> fraction = platform.post("services/transfer/requests", "{\"to\":\"" + client.second()
                + "\",\"asset\":\"" + APPLE + "\",\"quantity\":\"0.5\"}", client.session().bearer("en"));
        assertEquals("quantity", ItSupport.json(fraction).get("field").asText());
    }
}
