package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
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

import kz.qyzmet.ledger.api.Asset;
import kz.qyzmet.ledger.api.AssetKind;
import kz.qyzmet.ledger.api.Balance;
import kz.qyzmet.ledger.api.Ledger;

/**
 * Claim rights (issue #15): the client's instruction waits for staff (§7.2), staff
 * complete it and the claim-rights asset is posted with the notice the client
 * downloads; a write-off of more than is held is refused to staff (§30.1), who reject it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ClaimRightsIT {
    private static final String HALYK = "KZ000A0LE0S4";

    @Inject
    BundleContext context;

    private ItSupport platform;
    private Ledger ledger;

    @Configuration
    public Option[] configuration() throws Exception {
        return ItPlatform.options("claimrights", List.of("qyzmet-default"), Map.of());
    }

    @Before
    public void setUp() throws Exception {
        platform = new ItSupport(context);
        ledger = context.getService(context.getServiceReference(Ledger.class));
        ledger.defineAsset(new Asset(HALYK, AssetKind.SECURITY, 0, "Halyk Bank"));
    }

    private ItSupport.ClientSession newClient() throws Exception {
        return platform.newClientWithAccount("CR", "+77015");
    }

    private String confirmed(ItSupport.ClientSession client, String body) throws Exception {
        return platform.requestConfirmed("claim-rights", body, client, "ACCEPTED");
    }

    private BigDecimal rights(String account) {
        return ledger.balances(account).stream().filter(balance -> balance.asset().equals(Asset.claimRightsOf(HALYK)))
                .findFirst().map(Balance::total).orElse(BigDecimal.ZERO);
    }

    @Test
    public void staffCompletingPostsTheClaimRightsAndTheClientGetsTheNotice() throws Exception {
        ItSupport.ClientSession client = newClient();
        String credit = confirmed(client, "{\"operation\":\"credit\",\"isin\":\"kz000a0le0s4\",\"quantity\":\"120\","
                + "\"basis\":\"Issuer's default notice No. 7\",\"language\":\"ru\"}");
        assertEquals("nothing is posted before staff complete it", 0, rights(client.clientId()).signum());
        JsonNode queue = ItSupport.json(platform.operatorGet("operator/queue?service=claim-rights"));
        assertTrue(queue.toString(), queue.toString().contains(credit));
        assertEquals(200, platform.operatorPost("operator/queue/" + credit + "/take", "{}").statusCode());
        HttpResponse<String> done = platform.operatorPost("operator/queue/" + credit + "/complete", "{\"documentIds\":[]}");
        assertEquals(done.body(), 200, done.statusCode());
        JsonNode executed = ItSupport.json(platform.get("services/claim-rights/requests/" + credit, client.bearer("en")));
        assertEquals("EXECUTED", executed.get("status").asText());
        assertEquals(new BigDecimal("120"), rights(client.clientId()));
        assertEquals(AssetKind.CLAIM_RIGHT, ledger.asset(Asset.claimRightsOf(HALYK)).orElseThrow().kind());
        String document = executed.get("documents").get(0).asText().replace("/api/v1/", "");
        HttpResponse<byte[]> pdf = platform.getBytes(document, client.bearer("en"));
        assertEquals(200, pdf.statusCode());
        assertTrue("a PDF", new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII).startsWith("%PDF-"));
        ItSupport.keepIssuedPdf("claim-rights-notice", pdf.body());

        String writeOff = confirmed(client, "{\"operation\":\"write-off\",\"isin\":\"" + HALYK + "\",\"quantity\":\"20\"}");
        platform.operatorPost("operator/queue/" + writeOff + "/take", "{}");
        assertEquals(200, platform.operatorPost("operator/queue/" + writeOff + "/complete", "{\"documentIds\":[]}")
                .statusCode());
        assertEquals(new BigDecimal("100"), rights(client.clientId()));
    }

    @Test
    public void aWriteOffOfMoreThanIsHeldIsRefusedToStaffWhoRejectIt() throws Exception {
        ItSupport.ClientSession client = newClient();
        String credit = confirmed(client, "{\"operation\":\"credit\",\"isin\":\"" + HALYK + "\",\"quantity\":\"5\"}");
        platform.operatorPost("operator/queue/" + credit + "/take", "{}");
        platform.operatorPost("operator/queue/" + credit + "/complete", "{\"documentIds\":[]}");
        String tooMuch = confirmed(client, "{\"operation\":\"write-off\",\"isin\":\"" + HALYK + "\",\"quantity\":\"6\"}");
        platform.operatorPost("operator/queue/" + tooMuch + "/take", "{}");
        HttpResponse<String> refused = platform.operatorPost("operator/queue/" + tooMuch + "/complete", "{\"documentIds\":[]}",
                "Accept-Language", "en");
        assertEquals(refused.body(), 409, refused.statusCode());
        assertTrue(refused.body(), ItSupport.json(refused).get("detail").asText().contains("More"));
        assertEquals("IN_WORK", ItSupport.json(platform.get("services/claim-rights/requests/" + tooMuch, client.bearer("en")))
                .get("status").asText());
        assertEquals(new BigDecimal("5"), rights(client.clientId()));
        HttpResponse<String> rejected = platform.operatorPost("operator/queue/" + tooMuch + "/reject",
                "{\"reason\":{\"kk\":\"Құқықтар жеткіліксіз\",\"ru\":\"Недостаточно прав требования\",\"en\":\"Not enough claim rights\"}}");
        assertEquals(rejected.body(), 200, rejected.statusCode());
        assertEquals("Недостаточно прав требования", ItSupport.json(platform.get("services/claim-rights/requests/" + tooMuch,
                client.bearer("ru"))).get("reason").asText());
    }

    @Test
    public void aRequestForAnUnknownSecurityOrAWriteOffWithoutRightsIsRefusedNamingTheField() throws Exception {
        ItSupport.ClientSession client = newClient();
        HttpResponse<String> unknown = platform.post("services/claim-rights/requests",
                "{\"operation\":\"credit\",\"isin\":\"US0000000000\",\"quantity\":\"1\"}", client.bearer("kk"));
        assertEquals(400, unknown.statusCode());
        assertEquals("isin", ItSupport.json(unknown).get("field").asText());
        HttpResponse<String> half = platform.post("services/claim-rights/requests",
                "{\"operation\":\"credit\",\"isin\":\"" + HALYK + "\",\"quantity\":\"1.5\"}", client.bearer("en"));
        assertEquals("quantity", ItSupport.json(half).get("field").asText());
        HttpResponse<String> wrong = platform.post("services/claim-rights/requests",
                "{\"operation\":\"steal\",\"isin\":\"" + HALYK + "\",\"quantity\":\"1\"}", client.bearer("en"));
        assertEquals("operation", ItSupport.json(wrong).get("field").asText());
    }
}
