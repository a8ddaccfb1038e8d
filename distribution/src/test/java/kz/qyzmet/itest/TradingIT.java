package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

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

import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.audit.api.AuditRecord;
import kz.qyzmet.exchange.simulated.api.SimulatedMarket;
import kz.qyzmet.ledger.api.Balance;
import kz.qyzmet.ledger.api.EntryRequest;
import kz.qyzmet.ledger.api.HoldRequest;
import kz.qyzmet.ledger.api.Holds;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.ledger.api.Posting;
import kz.qyzmet.trading.api.ExchangeGateway;
import kz.qyzmet.trading.api.OrderType;
import kz.qyzmet.trading.api.Side;
import kz.qyzmet.trading.api.TimeInForce;

/**
 * Trading on the real platform (issue #17, rules §7.3, §25.2, §30): orders from
 * the orders service over a FIX 4.4 session (the platform's QuickFIX/J initiator
 * to the simulated exchange's acceptor on loopback) and back, each fill settled
 * in the ledger with its deal and journal records; refusals before anything is
 * held or sent; cancel and cancel-replace, also racing with fills; the FIX
 * gateway stopped mid-order and started again on its message store: fills made
 * meanwhile arrive by resend, each applied once, and an order placed meanwhile
 * goes out at logon. The market maker is off: the tests bring the other side of
 * each trade themselves.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TradingIT {
    private static final AtomicInteger INSTRUMENTS = new AtomicInteger();

    @Inject
    BundleContext context;

    private ItSupport platform;
    private Ledger ledger;
    private SimulatedMarket market;

    @Configuration
    public Option[] configuration() throws Exception {
        // demo mode: the simulated exchange runs in the platform; the trading core reaches it over FIX 4.4 on loopback
        int port = ItPlatform.freePort();
        return ItPlatform.optionsWithPdfReader("trading", List.of("qyzmet-default"), Map.of("qyzmet.mode", "demo",
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

    /** A new instrument of its own for each test (its own book): lots of 10, tick 0.05, in tenge, round the clock. */
    private String newInstrument() throws Exception {
        return newInstrument(10, "0.05");
    }

    private String newInstrument(int lotSize, String tick) throws Exception {
        int n = INSTRUMENTS.incrementAndGet();
        String isin = String.format("KZTST%06d%d", n, n % 10);
        String ticker = "TST" + n;
        HttpResponse<String> loaded = platform.operatorPost("operator/trading/instruments", "{\"instruments\":[{\"isin\":\""
                + isin + "\",\"ticker\":\"" + ticker + "\",\"name\":\"Test security " + n + "\",\"currency\":\"KZT\","
                + "\"lotSize\":" + lotSize + ",\"tickSize\":" + tick + ",\"opens\":\"00:00\",\"closes\":\"00:00\"}]}");
        assertEquals(loaded.body(), 200, loaded.statusCode());
        return isin;
    }

    private ItSupport.ClientSession client(String tenge, String isin, long units) throws Exception {
        ItSupport.ClientSession client = platform.newClientWithAccount("TRD", "+7705");
        if (tenge != null && new BigDecimal(tenge).signum() > 0) {
            ledger.post(new EntryRequest("it-fund-" + client.clientId(), "PAYMENT_IN", "IT money", "it", "it",
                    List.of(Posting.of("EXT-BANK", "KZT", new BigDecimal(tenge).negate()),
                            Posting.of(client.clientId(), "KZT", new BigDecimal(tenge)))));
        }
        if (units > 0) {
            ledger.post(new EntryRequest("it-securities-" + client.clientId(), "SECURITIES_IN", "IT securities", "it", "it",
                    List.of(Posting.of("EXT-CSD", isin, BigDecimal.valueOf(units).negate()),
                            Posting.of(client.clientId(), isin, BigDecimal.valueOf(units)))));
        }
        return client;
    }

    private Balance balance(String account, String asset) {
        return ledger.balances(account).stream().filter(found -> found.asset().equals(asset)).findFirst()
                .orElse(new Balance(account, asset, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
    }

    private BigDecimal total(String account, String asset) {
        return balance(account, asset).total();
    }

    /** Requests an order action and confirms it with its own code; the instruction once the exchange answered. */
    private JsonNode confirmed(ItSupport.ClientSession client, String body) throws Exception {
        HttpResponse<String> created = platform.post("services/orders/requests", body, client.bearer("en"));
        assertEquals(created.body(), 201, created.statusCode());
        JsonNode submission = ItSupport.json(created);
        HttpResponse<String> confirmed = confirm(client, submission, platform.latestCode(client.identityId()));
        assertEquals(confirmed.body(), 200, confirmed.statusCode());
        String id = submission.get("instruction").get("id").asText();
        return finished(client, id);
    }

    private HttpResponse<String> confirm(ItSupport.ClientSession client, JsonNode submission, String code) throws Exception {
        return platform.post(submission.get("confirmation").get("confirm").asText().replace("/api/v1/", ""),
                "{\"challengeId\":\"" + submission.get("confirmation").get("challengeId").asText() + "\",\"code\":\"" + code
                        + "\"}", client.bearer("en"));
    }

    private JsonNode finished(ItSupport.ClientSession client, String instructionId) throws Exception {
        JsonNode[] last = new JsonNode[1];
        ItSupport.awaitChecked(Duration.ofSeconds(10), "instruction " + instructionId + " finished", () -> {
            last[0] = ItSupport.json(platform.get("instructions/" + instructionId, client.bearer("en")));
            return !"IN_WORK".equals(last[0].get("status").asText());
        });
        return last[0];
    }

    /** The client's order ({@code index} 0: the first placed) once the exchange's reports brought it to {@code condition}. */
    private JsonNode awaitOrder(ItSupport.ClientSession client, int index, String what,
            java.util.function.Predicate<JsonNode> condition) throws Exception {
        JsonNode[] last = new JsonNode[1];
        ItSupport.awaitChecked(Duration.ofSeconds(20), "order " + index + " " + what, () -> {
            JsonNode orders = ItSupport.json(platform.get("trading/orders", client.bearer("en"))).get("orders");
            last[0] = orders.size() > index ? orders.get(orders.size() - 1 - index) : null;
            return last[0] != null && condition.test(last[0]);
        });
        return last[0];
    }

    private JsonNode awaitOrder(ItSupport.ClientSession client, int index, String state) throws Exception {
        return awaitOrder(client, index, state, order -> state.equals(order.get("state").asText()));
    }

    private JsonNode awaitFilled(ItSupport.ClientSession client, int index, long filled) throws Exception {
        return awaitOrder(client, index, "filled " + filled, order -> order.get("filled").asLong() == filled);
    }

    private JsonNode orderWithDeals(ItSupport.ClientSession client, String orderId) throws Exception {
        HttpResponse<String> order = platform.get("trading/orders/" + orderId, client.bearer("en"));
        assertEquals(order.body(), 200, order.statusCode());
        return ItSupport.json(order);
    }

    /** A decimal as the API writes it (a JSON string, so that nothing is lost to binary fractions). */
    private static BigDecimal decimal(JsonNode value) {
        return new BigDecimal(value.asText());
    }

    private List<String> journal(String subject) {
        return context.getService(context.getServiceReference(AuditJournal.class)).findBySubject(subject, 50).stream()
                .map(AuditRecord::event).map(event -> event.type()).toList();
    }

    @Test
    public void aBuyFilledInPartsSettlesEachFillInTheLedgerAndGivesBackWhatWasNotNeeded() throws Exception {
        String isin = newInstrument();
        ItSupport.ClientSession client = client("100000.00", isin, 0);
        BigDecimal feesBefore = total("BROKER-OWN", "KZT");
        BigDecimal clearingMoneyBefore = total("EXT-EXCHANGE", "KZT");
        market.submit("seller", isin, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 20, new BigDecimal("250.00"), null);
        market.submit("seller", isin, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 20, new BigDecimal("250.50"), null);
        market.drain();

        // 5 lots (50 units) up to 251.00: held 12,550.00 + the least fee 100.00 (§30.2 checked by the hold)
        JsonNode placed = confirmed(client, "{\"instrument\":\"TST" + INSTRUMENTS.get() + "\",\"side\":\"BUY\",\"type\":"
                + "\"LIMIT\",\"lots\":5,\"limitPrice\":\"251.00\"}");
        assertEquals(placed.toString(), "EXECUTED", placed.get("status").asText());
        assertTrue(placed.toString(), placed.get("summary").asText().contains("held 12650 KZT"));

        JsonNode order = awaitFilled(client, 0, 40);
        assertEquals("PARTIALLY_FILLED", order.get("state").asText());
        JsonNode deals = orderWithDeals(client, order.get("id").asText()).get("deals");
        assertEquals(2, deals.size());
        // each fill at the resting seller's price; the order's least fee once, with its first fill
        assertEquals(0, new BigDecimal("5000.00").compareTo(decimal(deals.get(0).get("amount"))));
        assertEquals(0, new BigDecimal("100.00").compareTo(decimal(deals.get(0).get("fee"))));
        assertEquals(0, new BigDecimal("5010.00").compareTo(decimal(deals.get(1).get("amount"))));
        assertEquals(0, BigDecimal.ZERO.compareTo(decimal(deals.get(1).get("fee"))));
        assertEquals(new BigDecimal("87350.00"), balance(client.clientId(), "KZT").available());
        assertEquals(new BigDecimal("2540.00"), balance(client.clientId(), "KZT").held());
        assertEquals(0, new BigDecimal("40").compareTo(balance(client.clientId(), isin).available()));

        // the rest fills at 251.00: the order ends and the 30.00 the hold kept over is given back
        market.submit("seller", isin, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 10, new BigDecimal("251.00"), null);
        JsonNode filled = awaitOrder(client, 0, "FILLED");
        assertEquals(0, new BigDecimal("87380.00").compareTo(balance(client.clientId(), "KZT").available()));
        assertEquals(0, BigDecimal.ZERO.compareTo(balance(client.clientId(), "KZT").held()));
        assertEquals(0, new BigDecimal("50").compareTo(balance(client.clientId(), isin).available()));
        assertEquals(0, new BigDecimal("100.00").compareTo(total("BROKER-OWN", "KZT").subtract(feesBefore)));
        assertEquals(0, new BigDecimal("12520.00").compareTo(total("EXT-EXCHANGE", "KZT").subtract(clearingMoneyBefore)));

        List<String> records = journal("order:" + filled.get("id").asText());
        assertTrue(records.toString(), records.containsAll(List.of("trading.order.placed", "trading.order.accepted",
                "trading.order.filled")));
        JsonNode register = ItSupport.json(platform.get("trading/deals", client.bearer("en")));
        assertEquals(3, register.get("deals").size());

        // the register of deals (§7.3) as a document: a CSV line per deal
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Almaty")).toString();
        String registerId = platform.requestConfirmed("deal-register", "{\"from\":\"" + today + "\",\"format\":\"csv\"}",
                client, "EXECUTED");
        JsonNode executed = ItSupport.json(platform.get("instructions/" + registerId, client.bearer("en")));
        HttpResponse<byte[]> csv = platform.getBytes(executed.get("documents").get(0).asText().replace("/api/v1/", ""),
                client.bearer("en"));
        assertEquals(200, csv.statusCode());
        String[] lines = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8).split("\r\n");
        assertEquals(4, lines.length);
        assertTrue(lines[1], lines[1].contains(",BUY," + isin + ",20,250.00,5000.00,100.00,KZT,"));
        String pdfRegister = platform.requestConfirmed("deal-register", "{\"from\":\"" + today + "\",\"language\":\"ru\"}",
                client, "EXECUTED");
        HttpResponse<byte[]> registerPdf = platform.getBytes(ItSupport.json(platform.get("instructions/" + pdfRegister,
                client.bearer("en"))).get("documents").get(0).asText().replace("/api/v1/", ""), client.bearer("en"));
        assertEquals(200, registerPdf.statusCode());
        ItSupport.keepIssuedPdf("deal-register", registerPdf.body());
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(registerPdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertTrue(text, text.contains("Реестр сделок") && text.contains("Куплено, KZT"));
        }

        // the extract values the 50 units at the last price, 251.00
        String extractId = platform.requestConfirmed("extract", "{\"language\":\"en\"}", client, "EXECUTED");
        HttpResponse<byte[]> extract = platform.getBytes(ItSupport.json(platform.get("instructions/" + extractId,
                client.bearer("en"))).get("documents").get(0).asText().replace("/api/v1/", ""), client.bearer("en"));
        ItSupport.keepIssuedPdf("account-extract-market-values", extract.body());
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(extract.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertTrue(text, text.contains("Market value of the positions at the last prices: 12,550.00 KZT"));
        }
    }

    @Test
    public void refusalsOfRules30ComeBeforeAnythingIsHeldOrSent() throws Exception {
        String isin = newInstrument();
        String ticker = "TST" + INSTRUMENTS.get();
        ItSupport.ClientSession poor = client("1000.00", isin, 5);
        // §30.2: 1 lot at 250.00 is 2,500.00 + fee, more than the 1,000.00 available
        HttpResponse<String> noMoney = platform.post("services/orders/requests", "{\"instrument\":\"" + ticker
                + "\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"lots\":1,\"limitPrice\":\"250.00\"}", poor.bearer("ru"));
        assertEquals(noMoney.body(), 409, noMoney.statusCode());
        assertEquals("INSUFFICIENT_FUNDS", ItSupport.json(noMoney).get("reason").asText());
        assertTrue(noMoney.body(), ItSupport.json(noMoney).get("detail").asText().contains("Недостаточно денег"));
        // §30.1: a lot is 10 units, the client has 5
        HttpResponse<String> noSecurities = platform.post("services/orders/requests", "{\"instrument\":\"" + ticker
                + "\",\"side\":\"SELL\",\"type\":\"LIMIT\",\"lots\":1,\"limitPrice\":\"250.00\"}", poor.bearer("kk"));
        assertEquals(noSecurities.body(), 409, noSecurities.statusCode());
        assertEquals("INSUFFICIENT_SECURITIES", ItSupport.json(noSecurities).get("reason").asText());
        // §30.3: ten units there, but held for something else
        ItSupport.ClientSession encumbered = client("0.00", isin, 10);
        context.getService(context.getServiceReference(Holds.class)).place(new HoldRequest("it-pledge-"
                + encumbered.clientId(), encumbered.clientId(), isin, BigDecimal.TEN, "IT pledge", "it"));
        HttpResponse<String> held = platform.post("services/orders/requests", "{\"instrument\":\"" + ticker
                + "\",\"side\":\"SELL\",\"type\":\"LIMIT\",\"lots\":1,\"limitPrice\":\"250.00\"}", encumbered.bearer("en"));
        assertEquals(held.body(), 409, held.statusCode());
        assertEquals("ENCUMBERED", ItSupport.json(held).get("reason").asText());
        // off the tick of 0.05, and a market order without any price yet: named, nothing held
        HttpResponse<String> offTick = platform.post("services/orders/requests", "{\"instrument\":\"" + ticker
                + "\",\"side\":\"SELL\",\"type\":\"LIMIT\",\"lots\":1,\"limitPrice\":\"250.03\"}", encumbered.bearer("en"));
        assertEquals(offTick.body(), 400, offTick.statusCode());
        assertEquals("limitPrice", ItSupport.json(offTick).get("field").asText());
        HttpResponse<String> unknown = platform.post("services/orders/requests", "{\"instrument\":\"NOPE\",\"side\":\"BUY\","
                + "\"type\":\"MARKET\",\"lots\":1}", encumbered.bearer("en"));
        assertEquals(unknown.body(), 400, unknown.statusCode());
        assertEquals("instrument", ItSupport.json(unknown).get("field").asText());
        market.drain();
        assertTrue(market.depth(isin, Side.BUY, 5).isEmpty());
        assertTrue(market.depth(isin, Side.SELL, 5).isEmpty());
        assertEquals(new BigDecimal("1000.00"), balance(poor.clientId(), "KZT").available());
        assertEquals(0, ItSupport.json(platform.get("trading/orders", poor.bearer("en"))).get("orders").size());
    }

    @Test
    public void aSellPartlyFilledIsCancelledWithItsOwnCodeAndItsRestIsFreedAgain() throws Exception {
        String isin = newInstrument();
        String ticker = "TST" + INSTRUMENTS.get();
        ItSupport.ClientSession client = client("0.00", isin, 30);
        market.submit("buyer", isin, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 10, new BigDecimal("249.00"), null);
        market.drain();
        JsonNode placed = confirmed(client, "{\"instrument\":\"" + ticker + "\",\"side\":\"SELL\",\"type\":\"LIMIT\","
                + "\"timeInForce\":\"GTC\",\"lots\":3,\"limitPrice\":\"249.00\"}");
        assertEquals("EXECUTED", placed.get("status").asText());
        JsonNode order = awaitFilled(client, 0, 10);
        assertEquals("PARTIALLY_FILLED", order.get("state").asText());
        assertEquals(0, new BigDecimal("20").compareTo(balance(client.clientId(), isin).held()));
        // the proceeds less the least fee
        assertEquals(0, new BigDecimal("2390.00").compareTo(balance(client.clientId(), "KZT").available()));

        // §25.2: the code sent for one action does not confirm another
        String orderId = order.get("id").asText();
        HttpResponse<String> first = platform.post("services/orders/requests", "{\"action\":\"replace\",\"order\":\""
                + orderId + "\",\"lots\":2,\"limitPrice\":\"249.50\"}", client.bearer("en"));
        assertEquals(first.body(), 201, first.statusCode());
        String codeOfTheReplace = platform.latestCode(client.identityId());
        HttpResponse<String> cancel = platform.post("services/orders/requests", "{\"action\":\"cancel\",\"order\":\""
                + orderId + "\"}", client.bearer("en"));
        assertEquals(cancel.body(), 201, cancel.statusCode());
        JsonNode cancelSubmission = ItSupport.json(cancel);
        String codeOfTheCancel = platform.latestCode(client.identityId());
        assertNotEquals(codeOfTheReplace, codeOfTheCancel);
        HttpResponse<String> wrongCode = confirm(client, cancelSubmission, codeOfTheReplace);
        assertTrue(wrongCode.body(), wrongCode.statusCode() >= 400);
        assertEquals(200, confirm(client, cancelSubmission, codeOfTheCancel).statusCode());
        JsonNode cancelled = finished(client, cancelSubmission.get("instruction").get("id").asText());
        assertEquals(cancelled.toString(), "EXECUTED", cancelled.get("status").asText());
        awaitOrder(client, 0, "CANCELLED");
        market.drain();
        assertEquals(0, BigDecimal.ZERO.compareTo(balance(client.clientId(), isin).held()));
        assertEquals(0, new BigDecimal("20").compareTo(balance(client.clientId(), isin).available()));
        assertTrue(market.depth(isin, Side.SELL, 5).isEmpty());
        List<String> records = journal("order:" + orderId);
        assertTrue(records.toString(), records.containsAll(List.of("trading.order.cancel.requested",
                "trading.order.cancelled")));
    }

    @Test
    public void aReplaceThatNeedsMoreIsHeldAnewAndOneThatComesAfterTheFillIsRefused() throws Exception {
        String isin = newInstrument();
        String ticker = "TST" + INSTRUMENTS.get();
        ItSupport.ClientSession client = client("20000.00", isin, 0);
        JsonNode placed = confirmed(client, "{\"instrument\":\"" + ticker + "\",\"side\":\"BUY\",\"type\":\"LIMIT\","
                + "\"timeInForce\":\"GTC\",\"lots\":2,\"limitPrice\":\"250.00\"}");
        assertEquals("EXECUTED", placed.get("status").asText());
        String orderId = awaitOrder(client, 0, "NEW").get("id").asText();
        assertEquals(new BigDecimal("5100.00"), balance(client.clientId(), "KZT").held());

        // grown to 3 lots at 250.50: 7,515.00 + 100.00 held anew, the old hold's rest freed in the same transaction
        JsonNode replaced = confirmed(client, "{\"action\":\"replace\",\"order\":\"" + orderId
                + "\",\"lots\":3,\"limitPrice\":\"250.50\"}");
        assertEquals(replaced.toString(), "EXECUTED", replaced.get("status").asText());
        JsonNode order = awaitOrder(client, 0, "30 units", found -> found.get("quantity").asLong() == 30);
        market.drain();
        assertEquals(0, new BigDecimal("250.5").compareTo(decimal(order.get("limitPrice"))));
        assertEquals(new BigDecimal("7615.00"), balance(client.clientId(), "KZT").held());
        assertEquals(30, market.depth(isin, Side.BUY, 1).get(0).quantity());
        assertEquals(0, new BigDecimal("250.50").compareTo(market.depth(isin, Side.BUY, 1).get(0).price()));

        // a cancel asked for while the order is filling: the fill comes first, the cancel is refused, nothing is lost
        HttpResponse<String> cancel = platform.post("services/orders/requests", "{\"action\":\"cancel\",\"order\":\""
                + orderId + "\"}", client.bearer("en"));
        assertEquals(cancel.body(), 201, cancel.statusCode());
        JsonNode submission = ItSupport.json(cancel);
        String code = platform.latestCode(client.identityId());
        market.submit("seller", isin, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 30, new BigDecimal("250.50"), null);
        awaitOrder(client, 0, "FILLED");
        assertEquals(200, confirm(client, submission, code).statusCode());
        JsonNode refused = finished(client, submission.get("instruction").get("id").asText());
        assertEquals(refused.toString(), "REFUSED", refused.get("status").asText());
        assertTrue(refused.toString(), refused.get("reason").asText().contains("has ended"));
        // 30 × 250.50 = 7,515.00 + 100.00 fee; nothing stays held
        assertEquals(0, BigDecimal.ZERO.compareTo(balance(client.clientId(), "KZT").held()));
        assertEquals(0, new BigDecimal("12385.00").compareTo(balance(client.clientId(), "KZT").available()));
        assertEquals(0, new BigDecimal("30").compareTo(balance(client.clientId(), isin).available()));
        assertFalse(journal("order:" + orderId).contains("trading.order.cancelled"));
    }

    @Test
    public void anOrderGoesOverFixAndItsFillsComeBackSettled() throws Exception {
        String isin = newInstrument(1, "0.01");
        String ticker = "TST" + INSTRUMENTS.get();
        ItSupport.ClientSession client = client("50000.00", isin, 0);
        market.submit("seller", isin, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 30, new BigDecimal("100.00"), null);
        market.drain();
        placeAndConfirm(client, "{\"instrument\":\"" + ticker + "\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"lots\":50,\"limitPrice\":\"100.50\"}");
        awaitFilled(client, 0, 30);
        market.submit("seller", isin, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 20, new BigDecimal("100.50"), null);
        JsonNode filled = awaitOrder(client, 0, "FILLED");
        // 30 × 100.00 + 20 × 100.50 = 5,010.00 with the least fee 100.00; the 2.50 held over is back
        assertEquals(new BigDecimal("44890.00"), balance(client.clientId(), "KZT").available());
        assertEquals(0, BigDecimal.ZERO.compareTo(balance(client.clientId(), "KZT").held()));
        assertEquals(2, ItSupport.json(platform.get("trading/orders/" + filled.get("id").asText(), client.bearer("en")))
                .get("deals").size());
        assertTrue(Files.isDirectory(Path.of(context.getProperty("qyzmet.data.dir"), "fix", "store")));
    }

    @Test
    public void fillsMadeWhileTheGatewayWasDownArriveOnceAndAnOrderPlacedMeanwhileGoesOut() throws Exception {
        String isin = newInstrument(1, "0.01");
        String ticker = "TST" + INSTRUMENTS.get();
        ItSupport.ClientSession client = client("50000.00", isin, 0);
        placeAndConfirm(client, "{\"instrument\":\"" + ticker + "\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"timeInForce\":\"GTC\",\"lots\":10,"
                + "\"limitPrice\":\"99.00\"}");
        awaitOrder(client, 0, "NEW");

        Bundle gateway = java.util.Arrays.stream(context.getBundles())
                .filter(bundle -> "qyzmet.exchange.fix".equals(bundle.getSymbolicName())).findFirst().orElseThrow();
        gateway.stop();
        List<ServiceReference<ExchangeGateway>> gone = List.copyOf(context.getServiceReferences(ExchangeGateway.class,
                "(qyzmet.exchange.gateway=fix)"));
        assertTrue(gone.isEmpty());
        // the order fills in two parts while nobody listens: the exchange keeps the reports for the session
        market.submit("seller", isin, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 4, new BigDecimal("99.00"), null);
        market.submit("seller", isin, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 6, new BigDecimal("98.50"), null);
        market.drain();
        // a second order waits: no gateway takes it
        placeAndConfirm(client, "{\"instrument\":\"" + ticker + "\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"timeInForce\":\"GTC\",\"lots\":5,"
                + "\"limitPrice\":\"97.00\"}");
        assertEquals("NEW", awaitOrder(client, 0, "NEW").get("state").asText());
        assertEquals("PENDING_NEW", awaitOrder(client, 1, "PENDING_NEW").get("state").asText());

        gateway.start();
        awaitSession();
        JsonNode filled = awaitOrder(client, 0, "FILLED");
        awaitOrder(client, 1, "NEW");
        // each fill once, at the resting order's price: 10 × 99.00 = 990.00 and one least fee, whatever was resent
        JsonNode deals = ItSupport.json(platform.get("trading/orders/" + filled.get("id").asText(), client.bearer("en")))
                .get("deals");
        assertEquals(deals.toString(), 2, deals.size());
        // the second order holds 5 × 97.00 + 100.00
        assertEquals(new BigDecimal("585.00"), balance(client.clientId(), "KZT").held());
        assertEquals(new BigDecimal("48325.00"), balance(client.clientId(), "KZT").available());
        assertEquals(5, market.depth(isin, Side.BUY, 5).stream().filter(level -> level.price().compareTo(
                new BigDecimal("97.00")) == 0).mapToLong(SimulatedMarket.Level::quantity).sum());
    }

    /** Requests an order action and confirms it with its code; its instruction's id (the exchange may answer later). */
    private String placeAndConfirm(ItSupport.ClientSession client, String body) throws Exception {
        HttpResponse<String> created = platform.post("services/orders/requests", body, client.bearer("en"));
        assertEquals(created.body(), 201, created.statusCode());
        JsonNode submission = ItSupport.json(created);
        assertEquals(200, confirm(client, submission, platform.latestCode(client.identityId())).statusCode());
        return submission.get("instruction").get("id").asText();
    }

    /** A clock ahead of the platform's by {@code offset}, ranked above it: components that follow the clock move. */
    private static final java.util.concurrent.atomic.AtomicReference<Duration> AHEAD = new java.util.concurrent.atomic
            .AtomicReference<>(Duration.ZERO);
    private static boolean clockRegistered;

    private void registerMovableClock() {
        synchronized (TradingIT.class) {
            if (clockRegistered) {
                return;
            }
            java.util.Hashtable<String, Object> ranking = new java.util.Hashtable<>();
            ranking.put(org.osgi.framework.Constants.SERVICE_RANKING, 200);
            context.registerService(java.time.Clock.class, new java.time.Clock() {
                @Override
                public java.time.ZoneId getZone() {
                    return java.time.ZoneOffset.UTC;
                }

                @Override
                public java.time.Clock withZone(java.time.ZoneId zone) {
                    return java.time.Clock.offset(java.time.Clock.system(zone), AHEAD.get());
                }

                @Override
                public java.time.Instant instant() {
                    return java.time.Instant.now().plus(AHEAD.get());
                }
            }, ranking);
            clockRegistered = true;
        }
    }

    @Test
    public void anIpoIsSubscribedCancelledWhileOpenAllocatedProRataAndSettled() throws Exception {
        registerMovableClock();
        kz.qyzmet.instructions.api.Instructions instructions = context.getService(context.getServiceReference(
                kz.qyzmet.instructions.api.Instructions.class));
        int n = INSTRUMENTS.incrementAndGet();
        String isin = String.format("KZIPO%06d%d", n, n % 10);
        java.time.Instant now = java.time.Instant.now();
        HttpResponse<String> opened = platform.operatorPost("operator/ipo/offerings", "{\"isin\":\"" + isin
                + "\",\"issuer\":\"Steppe Energy JSC\",\"offerPrice\":500.00,\"currency\":\"KZT\",\"lotSize\":10,"
                + "\"minLots\":1,\"maxLots\":100,\"offeredLots\":30,\"opensAt\":\"" + now.minusSeconds(60)
                + "\",\"closesAt\":\"" + now.plus(Duration.ofHours(1)) + "\"}");
        assertEquals(opened.body(), 200, opened.statusCode());
        String offering = ItSupport.json(opened).get("id").asText();
        assertTrue(ItSupport.json(platform.get("ipo/offerings", client("0.00", isin, 0).bearer("en"))).toString()
                .contains(offering));

        // 10, 20 and 30 lots of 10 at 500.00: 50,000, 100,000 and 150,000 held (§30.2)
        List<ItSupport.ClientSession> subscribers = List.of(client("200000.00", isin, 0), client("200000.00", isin, 0),
                client("200000.00", isin, 0));
        List<String> subscriptions = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            subscriptions.add(platform.requestConfirmed("ipo", "{\"offering\":\"" + offering + "\",\"lots\":" + (10 * (i + 1))
                    + "}", subscribers.get(i), "IN_WORK"));
            assertEquals(BigDecimal.valueOf(50000L * (i + 1)).setScale(2), balance(subscribers.get(i).clientId(), "KZT").held());
        }
        // one more cancels while the window is open, with its own code: the money is free again
        ItSupport.ClientSession changedMind = client("10000.00", isin, 0);
        String cancelled = platform.requestConfirmed("ipo", "{\"offering\":\"" + offering + "\",\"lots\":1}", changedMind,
                "IN_WORK");
        JsonNode cancellation = ItSupport.json(platform.post("instructions/" + cancelled + "/cancellation", "",
                changedMind.bearer("en")));
        JsonNode challenge = ItSupport.json(platform.post("instructions/" + cancellation.get("id").asText() + "/confirmation",
                "", changedMind.bearer("en")));
        assertEquals(200, platform.post("instructions/" + cancellation.get("id").asText() + "/confirm", "{\"challengeId\":\""
                + challenge.get("challengeId").asText() + "\",\"code\":\"" + platform.latestCode(changedMind.identityId())
                + "\"}", changedMind.bearer("en")).statusCode());
        assertEquals(new BigDecimal("10000.00"), balance(changedMind.clientId(), "KZT").available());
        // §30.2 before the code: 1 lot is 5,000.00
        HttpResponse<String> poor = platform.post("services/ipo/requests", "{\"offering\":\"" + offering + "\",\"lots\":1}",
                client("100.00", isin, 0).bearer("en"));
        assertEquals(poor.body(), 409, poor.statusCode());
        assertEquals("INSUFFICIENT_FUNDS", ItSupport.json(poor).get("reason").asText());
        HttpResponse<String> early = platform.operatorPost("operator/ipo/offerings/" + offering + "/allocation", "");
        assertEquals(early.body(), 409, early.statusCode());

        try {
            AHEAD.set(Duration.ofHours(2));
            ItSupport.forgetOperatorSession();
            HttpResponse<String> late = platform.post("services/ipo/requests", "{\"offering\":\"" + offering
                    + "\",\"lots\":1}", client("10000.00", isin, 0).bearer("en"));
            assertEquals(late.body(), 409, late.statusCode());
            assertEquals("SUBSCRIPTION_CLOSED", ItSupport.json(late).get("reason").asText());

            // 60 lots asked for 30: each gets half, pays for it, gets the rest back, and a notice
            HttpResponse<String> allocated = platform.operatorPost("operator/ipo/offerings/" + offering + "/allocation", "");
            assertEquals(allocated.body(), 200, allocated.statusCode());
            JsonNode allotments = ItSupport.json(allocated).get("allotments");
            assertEquals(3, allotments.size());
            for (int i = 0; i < 3; i++) {
                assertEquals(5L * (i + 1), allotments.get(i).get("allotted").asLong());
                String client = subscribers.get(i).clientId();
                assertEquals(0, BigDecimal.valueOf(50L * (i + 1)).compareTo(balance(client, isin).available()));
                assertEquals(BigDecimal.valueOf(200000L - 25000L * (i + 1)).setScale(2), balance(client, "KZT").available());
                assertEquals(0, BigDecimal.ZERO.compareTo(balance(client, "KZT").held()));
                kz.qyzmet.instructions.api.Instruction done = instructions.find(subscriptions.get(i)).orElseThrow();
                assertEquals(kz.qyzmet.instructions.api.InstructionStatus.EXECUTED, done.status());
                assertEquals(1, done.resultDocumentIds().size());
            }
            assertTrue(journal(subscriptions.get(0)).toString(), journal(subscriptions.get(0)).containsAll(List.of(
                    "ipo.subscribed", "ipo.allotted")));
            // asked again (an interrupted allocation is resumed): the same allotments, nothing posted twice
            JsonNode again = ItSupport.json(platform.operatorPost("operator/ipo/offerings/" + offering + "/allocation", ""));
            assertEquals(allotments.get(2).get("document").asText(), again.get("allotments").get(2).get("document").asText());
            assertEquals(0, new BigDecimal("150").compareTo(balance(subscribers.get(2).clientId(), isin).available()));
        } finally {
            AHEAD.set(Duration.ZERO);
            ItSupport.forgetOperatorSession();
        }
        // the notice the first subscriber got, as a person reads it (kept for the PDF/A and PDF/UA check)
        String notice = instructions.find(subscriptions.get(0)).orElseThrow().resultDocumentIds().get(0);
        HttpResponse<byte[]> pdf = platform.getBytes("documents/" + notice, subscribers.get(0).bearer("en"));
        assertEquals(200, pdf.statusCode());
        ItSupport.keepIssuedPdf("ipo-allotment", pdf.body());
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertTrue(text, text.contains("Steppe Energy JSC") && text.contains("5 × 10 = 50"));
        }
    }

    @Test
    public void anyoneSignsUpToTheDemoTradesWithVirtualMoneyAndResetsTheAccount() throws Exception {
        // rules §4: no contract, no operator: the sign-up is public in demo mode
        String login = "learner" + INSTRUMENTS.incrementAndGet() + "x" + java.util.UUID.randomUUID().toString()
                .replaceAll("[^a-f]", "").substring(0, 3);
        String phone = "+77079" + String.format("%06d", INSTRUMENTS.get());
        HttpResponse<String> signedUp = platform.post("demo/signup", "{\"login\":\"" + login + "\",\"phone\":\"" + phone
                + "\",\"name\":\"Learner\",\"language\":\"ru\",\"password\":\"Tenge-Orda-2026\"}");
        assertEquals(signedUp.body(), 201, signedUp.statusCode());
        String clientId = ItSupport.json(signedUp).get("clientId").asText();
        assertTrue(clientId, clientId.matches("DEMO-[A-Z2-9]{8}"));
        assertEquals(new BigDecimal("10000000.00"), balance(clientId, "KZT").available());
        assertTrue(journal("client:" + clientId).contains("demo.signed-up"));
        HttpResponse<String> taken = platform.post("demo/signup", "{\"login\":\"" + login + "\",\"phone\":\"+77079999999\","
                + "\"password\":\"Tenge-Orda-2026\"}");
        assertEquals(taken.body(), 409, taken.statusCode());
        HttpResponse<String> weak = platform.post("demo/signup", "{\"login\":\"" + login + "y\",\"phone\":\"+77079999998\","
                + "\"password\":\"password\"}", "Accept-Language", "kk");
        assertEquals(weak.body(), 400, weak.statusCode());

        // signed in as any client, with the learner's own security session
        String token = ItSupport.json(platform.post("auth/login", "{\"identifier\":\"" + login
                + "\",\"password\":\"Tenge-Orda-2026\",\"client\":\"app\"}")).get("token").asText();
        platform.post("auth/security-session/code", "{\"channel\":\"sms\"}", "Authorization", "Bearer " + token);
        HttpResponse<String> security = platform.post("auth/security-session", "{\"code\":\"" + platform.latestCode(phone)
                + "\",\"biometrics\":true}", "Authorization", "Bearer " + token);
        assertEquals(security.body(), 200, security.statusCode());
        String identity = ItSupport.json(platform.get("auth/session", "Authorization", "Bearer " + ItSupport.json(security)
                .get("token").asText())).path("identityId").asText();
        assertTrue(security.body(), !identity.isEmpty());
        ItSupport.ClientSession learner = new ItSupport.ClientSession(clientId, identity, login, phone,
                ItSupport.json(security).get("token").asText());

        String isin = newInstrument(1, "0.01");
        String ticker = "TST" + INSTRUMENTS.get();
        market.submit("seller", isin, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 100, new BigDecimal("50.00"), null);
        market.drain();
        placeAndConfirmWithCodeTo(learner, "{\"instrument\":\"" + ticker + "\",\"side\":\"BUY\",\"type\":\"LIMIT\","
                + "\"timeInForce\":\"GTC\",\"lots\":150,\"limitPrice\":\"50.00\"}");
        awaitFilled(learner, 0, 100);
        // the rest of the order still holds money: no reset until it ends
        HttpResponse<String> busy = platform.post("demo/reset", "", learner.bearer("en"));
        assertEquals(busy.body(), 409, busy.statusCode());
        assertEquals("HELD", ItSupport.json(busy).get("reason").asText());
        placeAndConfirmWithCodeTo(learner, "{\"action\":\"cancel\",\"order\":\"" + awaitOrder(learner, 0, "PARTIALLY_FILLED")
                .get("id").asText() + "\"}");
        awaitOrder(learner, 0, "CANCELLED");
        assertEquals(0, new BigDecimal("100").compareTo(balance(clientId, isin).available()));

        HttpResponse<String> reset = platform.post("demo/reset", "", learner.bearer("en"));
        assertEquals(reset.body(), 200, reset.statusCode());
        assertEquals(new BigDecimal("10000000.00"), balance(clientId, "KZT").available());
        assertEquals(0, BigDecimal.ZERO.compareTo(balance(clientId, isin).total()));
        assertTrue(journal("client:" + clientId).contains("demo.reset"));
    }

    /** Like {@link #placeAndConfirm}, for a session made here (a learner's). */
    private void placeAndConfirmWithCodeTo(ItSupport.ClientSession client, String body) throws Exception {
        HttpResponse<String> created = platform.post("services/orders/requests", body, client.bearer("en"));
        assertEquals(created.body(), 201, created.statusCode());
        JsonNode submission = ItSupport.json(created);
        assertEquals(200, confirm(client, submission, platform.latestCode(client.identityId())).statusCode());
    }
}
