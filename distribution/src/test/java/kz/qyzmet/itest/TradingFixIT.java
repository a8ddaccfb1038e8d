package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;

import kz.qyzmet.exchange.simulated.api.SimulatedMarket;
import kz.qyzmet.ledger.api.Balance;
import kz.qyzmet.ledger.api.EntryRequest;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.ledger.api.Posting;
import kz.qyzmet.trading.api.ExchangeGateway;
import kz.qyzmet.trading.api.OrderType;
import kz.qyzmet.trading.api.Side;
import kz.qyzmet.trading.api.TimeInForce;

/**
 * Orders over a real FIX 4.4 session (issue #17): the platform's QuickFIX/J
 * initiator to the simulated exchange's acceptor on loopback, the trading core
 * sending through the "fix" gateway only. The gateway is stopped mid-order and
 * started again on its message store in the data directory: the fills made
 * while it was away arrive by resend, each applied once, and an order placed
 * meanwhile goes out once the session is back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TradingFixIT {
    private static final String ISIN = "KZFIX0000011";
    private static int port;

    @Inject
    BundleContext context;

    private ItSupport platform;
    private Ledger ledger;
    private SimulatedMarket market;

    @Configuration
    public Option[] configuration() throws Exception {
        port = ItPlatform.freePort();
        return ItPlatform.options("tradingfix", List.of("qyzmet-default"), Map.of("qyzmet.mode", "demo",
                "qyzmet.simulatedexchange.liquidity", "false", "qyzmet.simulatedexchange.fix.port", String.valueOf(port),
                "qyzmet.fix.host", "127.0.0.1", "qyzmet.fix.port", String.valueOf(port), "qyzmet.fix.reconnect.seconds", "1",
                "qyzmet.trading.gateway", "fix"));
    }

    @Before
    public void setUp() throws Exception {
        platform = new ItSupport(context);
        ledger = context.getService(context.getServiceReference(Ledger.class));
        awaitSession();
        market = context.getService(context.getServiceReference(SimulatedMarket.class));
        if (ItSupport.json(platform.operatorGet("operator/trading/instruments")).get("instruments").toString().contains(ISIN)) {
            return;
        }
        HttpResponse<String> loaded = platform.operatorPost("operator/trading/instruments", "{\"instruments\":[{\"isin\":\""
                + ISIN + "\",\"ticker\":\"FIXT\",\"name\":\"FIX test security\",\"currency\":\"KZT\",\"lotSize\":1,"
                + "\"tickSize\":0.01,\"opens\":\"00:00\",\"closes\":\"00:00\"}]}");
        assertEquals(loaded.body(), 200, loaded.statusCode());
    }

    /** The FIX gateway is offered once its session has logged on. */
    private void awaitSession() throws InterruptedException {
        ItSupport.await(Duration.ofSeconds(30), "the FIX session to log on", () -> {
            try {
                return !context.getServiceReferences(ExchangeGateway.class, "(qyzmet.exchange.gateway=fix)").isEmpty();
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private ItSupport.ClientSession client(String tenge) throws Exception {
        ItSupport.ClientSession client = platform.newClientWithAccount("FIX", "+7706");
        ledger.post(new EntryRequest("it-fund-" + client.clientId(), "PAYMENT_IN", "IT money", "it", "it",
                List.of(Posting.of("EXT-BANK", "KZT", new BigDecimal(tenge).negate()),
                        Posting.of(client.clientId(), "KZT", new BigDecimal(tenge)))));
        return client;
    }

    private String place(ItSupport.ClientSession client, String body) throws Exception {
        HttpResponse<String> created = platform.post("services/orders/requests", body, client.bearer("en"));
        assertEquals(created.body(), 201, created.statusCode());
        JsonNode submission = ItSupport.json(created);
        HttpResponse<String> confirmed = platform.post(submission.get("confirmation").get("confirm").asText()
                .replace("/api/v1/", ""), "{\"challengeId\":\"" + submission.get("confirmation").get("challengeId").asText()
                        + "\",\"code\":\"" + platform.latestCode(client.identityId()) + "\"}", client.bearer("en"));
        assertEquals(confirmed.body(), 200, confirmed.statusCode());
        return submission.get("instruction").get("id").asText();
    }

    private JsonNode order(ItSupport.ClientSession client, int index) throws Exception {
        JsonNode orders = ItSupport.json(platform.get("trading/orders", client.bearer("en"))).get("orders");
        return orders.get(orders.size() - 1 - index);
    }

    private JsonNode awaitOrder(ItSupport.ClientSession client, int index, String state) throws Exception {
        JsonNode[] last = new JsonNode[1];
        ItSupport.awaitChecked(Duration.ofSeconds(20), "order " + index + " " + state, () -> {
            last[0] = order(client, index);
            return state.equals(last[0].get("state").asText());
        });
        return last[0];
    }

    private Balance kzt(String account) {
        return ledger.balances(account).stream().filter(found -> found.asset().equals("KZT")).findFirst().orElseThrow();
    }

    @Test
    public void anOrderGoesOverFixAndItsFillsComeBackSettled() throws Exception {
        ItSupport.ClientSession client = client("50000.00");
        market.submit("seller", ISIN, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 30, new BigDecimal("100.00"), null);
        market.drain();
        place(client, "{\"instrument\":\"FIXT\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"lots\":50,\"limitPrice\":\"100.50\"}");
        JsonNode partly = awaitOrder(client, 0, "PARTIALLY_FILLED");
        assertEquals(30, partly.get("filled").asLong());
        market.submit("seller", ISIN, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 20, new BigDecimal("100.50"), null);
        JsonNode filled = awaitOrder(client, 0, "FILLED");
        // 30 × 100.00 + 20 × 100.50 = 5,010.00 with the least fee 100.00; the 2.50 held over is back
        assertEquals(new BigDecimal("44890.00"), kzt(client.clientId()).available());
        assertEquals(0, BigDecimal.ZERO.compareTo(kzt(client.clientId()).held()));
        assertEquals(2, ItSupport.json(platform.get("trading/orders/" + filled.get("id").asText(), client.bearer("en")))
                .get("deals").size());
        assertTrue(Files.isDirectory(Path.of(context.getProperty("qyzmet.data.dir"), "fix", "store")));
    }

    @Test
    public void fillsMadeWhileTheGatewayWasDownArriveOnceAndAnOrderPlacedMeanwhileGoesOut() throws Exception {
        ItSupport.ClientSession client = client("50000.00");
        place(client, "{\"instrument\":\"FIXT\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"timeInForce\":\"GTC\",\"lots\":10,"
                + "\"limitPrice\":\"99.00\"}");
        awaitOrder(client, 0, "NEW");

        Bundle gateway = java.util.Arrays.stream(context.getBundles())
                .filter(bundle -> "qyzmet.exchange.fix".equals(bundle.getSymbolicName())).findFirst().orElseThrow();
        gateway.stop();
        List<ServiceReference<ExchangeGateway>> gone = List.copyOf(context.getServiceReferences(ExchangeGateway.class,
                "(qyzmet.exchange.gateway=fix)"));
        assertTrue(gone.isEmpty());
        // the order fills in two parts while nobody listens: the exchange keeps the reports for the session
        market.submit("seller", ISIN, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 4, new BigDecimal("99.00"), null);
        market.submit("seller", ISIN, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 6, new BigDecimal("98.50"), null);
        market.drain();
        // a second order waits: no gateway takes it
        place(client, "{\"instrument\":\"FIXT\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"timeInForce\":\"GTC\",\"lots\":5,"
                + "\"limitPrice\":\"97.00\"}");
        assertEquals("NEW", order(client, 0).get("state").asText());
        assertEquals("PENDING_NEW", order(client, 1).get("state").asText());

        gateway.start();
        awaitSession();
        JsonNode filled = awaitOrder(client, 0, "FILLED");
        awaitOrder(client, 1, "NEW");
        // each fill once, at the resting order's price: 10 × 99.00 = 990.00 and one least fee, whatever was resent
        JsonNode deals = ItSupport.json(platform.get("trading/orders/" + filled.get("id").asText(), client.bearer("en")))
                .get("deals");
        assertEquals(deals.toString(), 2, deals.size());
        // the second order holds 5 × 97.00 + 100.00
        assertEquals(new BigDecimal("585.00"), kzt(client.clientId()).held());
        assertEquals(new BigDecimal("48325.00"), kzt(client.clientId()).available());
        assertEquals(5, market.depth(ISIN, Side.BUY, 5).stream().filter(level -> level.price().compareTo(
                new BigDecimal("97.00")) == 0).mapToLong(SimulatedMarket.Level::quantity).sum());
    }
}
