package kz.qyzmet.benchmark.platform;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import kz.qyzmet.ledger.api.AccountType;
import kz.qyzmet.ledger.api.Asset;
import kz.qyzmet.ledger.api.AssetKind;
import kz.qyzmet.ledger.api.EntryRequest;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.ledger.api.Posting;
import kz.qyzmet.ledger.api.SubAccount;

/**
 * Documents (issue #6), measured inside the running platform over its plain
 * loopback listener:
 * <ul>
 * <li>the account extract of an account with 50 positions (10 currencies, 40
 * securities), from the request to the PDF bytes: {@code POST requests} (instruction
 * and code), {@code POST confirm} (confirmation, the client-instruction form and the
 * extract are issued and stored), {@code GET} the PDF — p50/p99 of the whole, and
 * of confirm + download alone;</li>
 * <li>a report of 100,000 operations as PDF: time from the confirmation to the
 * stored document, and the growth of the old generation meanwhile (what stays
 * in memory; young garbage comes and goes).</li>
 * </ul>
 */
final class DocumentsBenchmark {
    private static final String PASSWORD = "Tenge#Report!";
    private static final String[] CURRENCIES = { "KZT", "USD", "EUR", "RUB", "CNY", "GBP", "CHF", "JPY", "TRY", "AED" };

    private final Harness harness;
    private final Ledger ledger;
    private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    DocumentsBenchmark(Harness harness, Ledger ledger) {
        this.harness = harness;
        this.ledger = ledger;
    }

    void run() throws Exception {
        String operator = harness.operatorToken();
        ledger.openAccount("BENCH-BANK", AccountType.EXTERNAL, null, "Correspondent bank");
        ledger.openAccount("BENCH-CSD", AccountType.EXTERNAL, null, "Depository");

        String extractClient = "BENCH-X-" + run;
        String extractPhone = "+77080" + String.format("%06d", Math.floorMod(run.hashCode(), 1_000_000));
        String extractIdentity = harness.newIdentity(operator, "bench-x-" + run.toLowerCase(), extractPhone, extractClient, PASSWORD);
        ledger.openAccount(extractClient, AccountType.CLIENT, extractClient, "Benchmark client");
        int positions = harness.configuration.positions();
        for (int i = 0; i < positions; i++) {
            boolean currency = i < Math.min(CURRENCIES.length, positions / 5);
            String code = currency ? CURRENCIES[i] : String.format("KZB%08d%d", i, i % 10);
            ledger.defineAsset(new Asset(code, currency ? AssetKind.CURRENCY : AssetKind.SECURITY,
                    currency ? (code.equals("JPY") ? 0 : 2) : 0, currency ? code + " currency" : "Security " + i));
            String external = currency ? "BENCH-BANK" : "BENCH-CSD";
            BigDecimal amount = new BigDecimal(currency ? (code.equals("JPY") ? "125000" : "125000.50") : "37");
            ledger.post(new EntryRequest(UUID.randomUUID().toString(), "IN", "Benchmark position " + code, "", "bench",
                    List.of(Posting.of(external, code, amount.negate()), Posting.of(extractClient, code, amount))));
        }
        String token = harness.securitySession("bench-x-" + run.toLowerCase(), extractPhone, PASSWORD);

        System.out.printf("%nQyzmet documents benchmark: extract of %d positions, %d s per scenario, %d cores%n", positions,
                harness.configuration.seconds(), harness.cores);
        harness.header();
        long[] confirmAndDownload = new long[1_000_000];
        int[] done = { 0 };
        Harness.Task extract = thread -> {
            HttpResponse<String> requested = harness.post("services/extract/requests", "{\"language\":\"kk\"}", token);
            JsonNode submission = Harness.JSON.readTree(requested.body());
            if (requested.statusCode() != 201) {
                throw new IllegalStateException("extract request: " + requested.body());
            }
            long confirming = System.nanoTime();
            HttpResponse<String> confirmed = harness.post("instructions/" + submission.get("instruction").get("id").asText()
                    + "/confirm", "{\"challengeId\":\"" + submission.get("confirmation").get("challengeId").asText()
                    + "\",\"code\":\"" + harness.awaitCode(extractIdentity) + "\"}", token);
            JsonNode instruction = Harness.JSON.readTree(confirmed.body());
            if (!"EXECUTED".equals(instruction.path("status").asText())) {
                throw new IllegalStateException("extract confirmation: " + confirmed.body());
            }
            HttpResponse<String> pdf = harness.get(instruction.get("documents").get(0).asText().replace("/api/v1/", ""), token);
            if (pdf.statusCode() != 200 || !pdf.body().startsWith("%PDF-")) {
                throw new IllegalStateException("extract download answered " + pdf.statusCode());
            }
            if (done[0] < confirmAndDownload.length) {
                confirmAndDownload[done[0]++] = System.nanoTime() - confirming;
            }
        };
        // the first extract after the start, before any warm-up: the renderer is warmed by the platform itself
        long cold = System.nanoTime();
        extract.run(0);
        System.out.printf("%-44s %8d %10s %10s %9.2f%n", "first extract after start (no warm-up)", 1, "", "",
                (System.nanoTime() - cold) / 1e6);
        Harness.measure(1, harness.duration(), extract); // warm-up
        done[0] = 0;
        Harness.Result whole = Harness.measure(1, harness.duration(), extract);
        harness.report("extract: request → confirm → PDF bytes", 1, whole);
        long[] tail = java.util.Arrays.copyOf(confirmAndDownload, done[0]);
        java.util.Arrays.sort(tail);
        Harness.Result issuing = new Harness.Result(tail, whole.elapsedNanos());
        System.out.printf("%-44s %8d %10s %10s %9.2f %9.2f%n", "  of which confirm + download", 1, "", "",
                issuing.percentile(0.50) / 1e6, issuing.percentile(0.99) / 1e6);

        longReport(operator);
    }

    private void longReport(String operator) throws Exception {
        int operations = harness.configuration.operations();
        String client = "BENCH-R-" + run;
        String phone = "+77081" + String.format("%06d", Math.floorMod(run.hashCode(), 1_000_000));
        String identity = harness.newIdentity(operator, "bench-r-" + run.toLowerCase(), phone, client, PASSWORD);
        ledger.openAccount(client, AccountType.CLIENT, client, "Benchmark client with a long history");
        ledger.defineAsset(new Asset("KZT", AssetKind.CURRENCY, 2, "Kazakhstani tenge"));
        long posting = System.nanoTime();
        Instant from = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (int done = 0; done < operations; done += 2000) {
            List<EntryRequest> entries = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                entries.add(new EntryRequest(UUID.randomUUID().toString(), "COUPON", "Coupon " + (done / 2 + i), "c", "bench",
                        List.of(Posting.of("BENCH-BANK", "KZT", new BigDecimal("-2.00")), new Posting(client, SubAccount.AVAILABLE,
                                "KZT", new BigDecimal("1.50")), new Posting(client, SubAccount.HELD, "KZT", new BigDecimal("0.50")))));
            }
            ledger.postAll(entries);
        }
        Instant to = Instant.now().plus(1, ChronoUnit.MILLIS);
        System.out.printf("%n%,d operations posted in %.1f s%n", operations, (System.nanoTime() - posting) / 1e9);
        String token = harness.securitySession("bench-r-" + run.toLowerCase(), phone, PASSWORD);
        HttpResponse<String> requested = harness.post("services/operations-report/requests", "{\"from\":\"" + from + "\",\"to\":\""
                + to + "\",\"format\":\"pdf\"}", token);
        JsonNode submission = Harness.JSON.readTree(requested.body());
        String id = submission.get("instruction").get("id").asText();

        MemoryPoolMXBean oldGen = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getName().contains("Old")).findFirst().orElseThrow();
        System.gc();
        long baseline = oldGen.getUsage().getUsed();
        long heapBaseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicLong heapPeak = new AtomicLong(heapBaseline);
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(oldGen.getUsage().getUsed(), Math::max);
                heapPeak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.start();
        long started = System.nanoTime();
        harness.post("services/operations-report/requests/" + id + "/confirm", "{\"challengeId\":\""
                + submission.get("confirmation").get("challengeId").asText() + "\",\"code\":\"" + harness.awaitCode(identity)
                + "\"}", token);
        JsonNode state;
        while (true) {
            state = Harness.JSON.readTree(harness.get("services/operations-report/requests/" + id, token).body());
            String status = state.get("status").asText();
            if (status.equals("EXECUTED") || status.equals("REJECTED")) {
                break;
            }
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        sampling.set(false);
        sampler.join();
        if (!state.get("status").asText().equals("EXECUTED")) {
            throw new IllegalStateException("the report failed: " + state);
        }
        HttpResponse<String> pdf = harness.get(state.get("documents").get(0).asText().replace("/api/v1/", ""), token);
        System.out.printf("%,d-operation report as PDF: %.1f s from confirmation to stored document (%,d operations listed,"
                + " %,d KB)%n", operations, seconds, state.get("progress").get("operations").asLong(), pdf.body().length() / 1024);
        System.out.printf("heap while it ran: old generation +%d MiB at most, whole heap +%d MiB at most (young garbage"
                + " included)%n%n", (peak.get() - baseline) / (1024 * 1024), (heapPeak.get() - heapBaseline) / (1024 * 1024));
    }
}
