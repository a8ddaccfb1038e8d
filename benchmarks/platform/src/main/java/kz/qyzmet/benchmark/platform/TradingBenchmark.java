package kz.qyzmet.benchmark.platform;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;

import kz.qyzmet.clients.api.ClientRecords;
import kz.qyzmet.exchange.simulated.api.SimulatedMarket;
import kz.qyzmet.ledger.api.AccountType;
import kz.qyzmet.ledger.api.EntryRequest;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.ledger.api.Posting;
import kz.qyzmet.trading.api.Instrument;
import kz.qyzmet.trading.api.Instruments;
import kz.qyzmet.trading.api.OrderEvent;
import kz.qyzmet.trading.api.OrderListener;
import kz.qyzmet.trading.api.OrderType;
import kz.qyzmet.trading.api.Side;
import kz.qyzmet.trading.api.TimeInForce;

/**
 * Orders (issue #17) end to end: {@code POST services/orders/requests} (the
 * pre-trade checks and the code), {@code POST instructions/{id}/confirm} (the
 * hold, the order and its request in one transaction, then out through the
 * configured exchange gateway — FIX 4.4 to the simulated exchange in
 * {@code benchmarks/trading.sh}), the exchange's acknowledgement and the fill
 * applied back (deal, ledger entry, journal). A resting seller makes every
 * 1-lot IOC buy fill at once. Latencies from the confirmation's start: to the
 * acceptance and to the fill settled; and the fills settled per second.
 */
final class TradingBenchmark {
    private static final String PASSWORD = "Tenge#Trading!";
    private static final BigDecimal FUNDS = new BigDecimal("1000000000.00");
    private static final int CLIENTS = 8;

    private final Harness harness;
    private final Ledger ledger;
    private final BundleContext context;
    private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private final Map<String, Timing> timings = new ConcurrentHashMap<>();

    /** One order's moments, ns: the confirmation sent, the exchange's acceptance applied, the fill settled. */
    private static final class Timing {
        final long confirmed = System.nanoTime();
        volatile long accepted;
        final CompletableFuture<Long> filled = new CompletableFuture<>();
    }

    TradingBenchmark(Harness harness, Ledger ledger, ClientRecords clients, BundleContext context) {
        this.harness = harness;
        this.ledger = ledger;
        this.context = context;
    }

    private record Client(String id, String identity, String token) {
    }

    void run() throws Exception {
        Instruments instruments = context.getService(context.getServiceReference(Instruments.class));
        SimulatedMarket market = context.getService(context.getServiceReference(SimulatedMarket.class));
        String isin = String.format("KZBEN%06d%d", Math.floorMod(run.hashCode(), 1_000_000), Math.floorMod(run.hashCode(), 10));
        String ticker = "BEN" + run.substring(0, 3);
        instruments.load(List.of(new Instrument(isin, ticker, "SIM", "Benchmark security", "KZT", 1, new BigDecimal("0.01"),
                java.time.LocalTime.MIDNIGHT, java.time.LocalTime.MIDNIGHT, 0)), "bench");
        market.submit("bench-seller", isin, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 1_000_000_000L,
                new BigDecimal("100.00"), null);
        market.drain();
        ServiceRegistration<OrderListener> listening = context.registerService(OrderListener.class, this::heard, null);
        try {
            String operator = harness.operatorToken();
            List<Client> all = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                all.add(newClient(operator, i));
            }
            String order = "{\"instrument\":\"" + ticker + "\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"timeInForce\":\"IOC\","
                    + "\"lots\":1,\"limitPrice\":\"100.00\"}";
            System.out.printf("%nQyzmet trading benchmark: order request + confirm through REST, out through the '%s'"
                    + " gateway, %d s per scenario, %d cores%n", System.getProperty("qyzmet.trading.gateway", "configured"),
                    harness.configuration.seconds(), harness.cores);
            harness.header();
            Harness.Task trade = thread -> trade(all.get(thread), order);
            Harness.measure(CLIENTS, harness.duration(), trade); // warm-up
            for (int threads : new int[] { 1, CLIENTS }) {
                timings.clear();
                Harness.Result result = Harness.measure(threads, harness.duration(), trade);
                harness.report("order: request + confirm + filled", threads, result);
                report(threads);
            }
        } finally {
            listening.unregister();
        }
    }

    /** The order's events, in the transaction that applies them: the moments they were applied. */
    private void heard(OrderEvent event) {
        Timing timing = timings.get(event.reference() == null ? "" : event.reference());
        if (timing == null) {
            return;
        }
        long now = System.nanoTime();
        if (event.kind() == OrderEvent.Kind.ACCEPTED) {
            timing.accepted = now;
        } else if (event.kind() == OrderEvent.Kind.FILLED) {
            timing.filled.complete(now);
        }
    }

    private void report(int threads) {
        long[] accepted = timings.values().stream().filter(timing -> timing.accepted > 0)
                .mapToLong(timing -> timing.accepted - timing.confirmed).sorted().toArray();
        long[] filled = timings.values().stream().filter(timing -> timing.filled.isDone())
                .mapToLong(timing -> timing.filled.join() - timing.confirmed).sorted().toArray();
        long first = timings.values().stream().mapToLong(timing -> timing.confirmed).min().orElse(0);
        long last = timings.values().stream().filter(timing -> timing.filled.isDone()).mapToLong(timing -> timing.filled.join())
                .max().orElse(first + 1);
        System.out.printf("  %-42s %8d %10.1f %10s %9.2f %9.2f%n", "confirm → accepted by the exchange", threads,
                accepted.length / ((last - first) / 1e9), "", percentile(accepted, 0.50) / 1e6, percentile(accepted, 0.99) / 1e6);
        System.out.printf("  %-42s %8d %10.1f %10s %9.2f %9.2f%n", "confirm → fill settled in the ledger", threads,
                filled.length / ((last - first) / 1e9), "", percentile(filled, 0.50) / 1e6, percentile(filled, 0.99) / 1e6);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private void trade(Client client, String order) throws Exception {
        HttpResponse<String> requested = harness.post("services/orders/requests", order, client.token());
        if (requested.statusCode() != 201) {
            throw new IllegalStateException("order request: " + requested.body());
        }
        JsonNode submission = Harness.JSON.readTree(requested.body());
        String instruction = submission.get("instruction").get("id").asText();
        String code = harness.awaitCode(client.identity());
        Timing timing = new Timing();
        timings.put(instruction, timing);
        HttpResponse<String> confirmed = harness.post("instructions/" + instruction + "/confirm", "{\"challengeId\":\""
                + submission.get("confirmation").get("challengeId").asText() + "\",\"code\":\"" + code + "\"}",
                client.token());
        if (confirmed.statusCode() != 200) {
            throw new IllegalStateException("order confirmation: " + confirmed.body());
        }
        // the next order of this client once this one is settled: a closed loop per client
        timing.filled.get(10, TimeUnit.SECONDS);
    }

    private Client newClient(String operator, int index) throws Exception {
        String login = "bench-t" + index + "-" + run.toLowerCase();
        String phone = "+77083" + String.format("%06d", Math.floorMod(run.hashCode() + index, 1_000_000));
        String id = "BENCH-T" + index + "-" + run;
        String identity = harness.newIdentity(operator, login, phone, id, PASSWORD);
        ledger.openAccount(id, AccountType.CLIENT, id, "Benchmark trader " + index);
        ledger.post(new EntryRequest("bench-t-fund-" + id, "PAYMENT_IN", "Benchmark funding", "bench", "bench",
                List.of(Posting.of("EXT-BANK", "KZT", FUNDS.negate()), Posting.of(id, "KZT", FUNDS))));
        return new Client(id, identity, harness.securitySession(login, phone, PASSWORD));
    }

}
