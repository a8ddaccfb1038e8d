package kz.qyzmet.benchmark.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import kz.qyzmet.ledger.api.AccountType;
import kz.qyzmet.ledger.api.Asset;
import kz.qyzmet.ledger.api.AssetKind;
import kz.qyzmet.ledger.api.EntryRequest;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.ledger.api.Posting;

/**
 * Measures the ledger through its API inside the running platform, on the
 * embedded MariaDB with durable commits (innodb_flush_log_at_trx_commit=1):
 * <ul>
 * <li>transfers per second, one two-posting entry per transaction, with 1, 8 and 32 concurrent clients;</li>
 * <li>the same in batches of entries per transaction;</li>
 * <li>an as-of balance and the full listing of an account with 100,000 operations.</li>
 * </ul>
 * Prints throughput and p50/p99 latencies, then stops the platform.
 */
@Component(configurationPid = "kz.qyzmet.benchmark", configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = BenchmarkConfiguration.class)
public class LedgerBenchmark {
    private static final String BANK = "BENCH-BANK";
    private static final int[] CLIENTS = { 1, 8, 32 };

    private final Ledger ledger;
    private final BenchmarkConfiguration configuration;
    private final String run = UUID.randomUUID().toString().substring(0, 6);

    @Activate
    public LedgerBenchmark(@Reference Ledger ledger, BenchmarkConfiguration configuration, BundleContext context) {
        this.ledger = ledger;
        this.configuration = configuration;
        Thread thread = new Thread(() -> {
            try {
                runAll();
            } catch (Throwable failure) {
                System.out.println("BENCHMARK FAILED: " + failure);
                failure.printStackTrace(System.out);
            } finally {
                if (configuration.stop()) {
                    try {
                        context.getBundle(0).stop();
                    } catch (BundleException e) {
                        System.out.println("cannot stop the platform: " + e.getMessage());
                    }
                }
            }
        }, "qyzmet-ledger-benchmark");
        thread.start();
    }

    private void runAll() throws Exception {
        ledger.defineAsset(new Asset("KZT", AssetKind.CURRENCY, 2, "Kazakhstani tenge"));
        ledger.openAccount(BANK, AccountType.EXTERNAL, null, "Benchmark bank");
        String[] accounts = new String[configuration.accounts()];
        List<EntryRequest> funding = new ArrayList<>();
        for (int i = 0; i < accounts.length; i++) {
            accounts[i] = "B" + run + "-" + i;
            ledger.openAccount(accounts[i], AccountType.CLIENT, accounts[i], "Benchmark client");
            funding.add(transfer(BANK, accounts[i], "1000000.00"));
            if (funding.size() == 500) {
                ledger.postAll(funding);
                funding = new ArrayList<>();
            }
        }
        if (!funding.isEmpty()) {
            ledger.postAll(funding);
        }
        System.out.printf("%nQyzmet ledger benchmark (%d client accounts, %d s per scenario, %d cores)%n", accounts.length,
                configuration.seconds(), Runtime.getRuntime().availableProcessors());
        System.out.printf("%-34s %8s %12s %10s %10s%n", "scenario", "clients", "entries/s", "p50 ms", "p99 ms");
        for (int clients : CLIENTS) {
            report("transfer, 1 entry per transaction", clients, 1, measure(clients, 1, accounts));
        }
        for (int clients : CLIENTS) {
            report("transfer, " + configuration.batch() + " entries per transaction", clients, configuration.batch(),
                    measure(clients, configuration.batch(), accounts));
        }
        statementOfALongAccount();
    }

    private EntryRequest transfer(String from, String to, String amount) {
        return new EntryRequest(UUID.randomUUID().toString(), "TRANSFER", "Benchmark transfer", "", "benchmark",
                List.of(Posting.of(from, "KZT", new BigDecimal(amount).negate()), Posting.of(to, "KZT", new BigDecimal(amount))));
    }

    /** Latencies (ns) of every transaction, and how many entries were posted in the measured time. */
    private record Result(long[] latencies, long entries, long elapsedNanos) {
    }

    private Result measure(int clients, int batch, String[] accounts) throws InterruptedException {
        long deadline = System.nanoTime() + configuration.seconds() * 1_000_000_000L;
        AtomicLong entries = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        List<long[]> perThread = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            long[] latencies = new long[2_000_000];
            int[] count = { 0 };
            perThread.add(latencies);
            counts.add(count);
            Thread thread = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < deadline && count[0] < latencies.length && failure.get() == null) {
                    List<EntryRequest> requests = new ArrayList<>(batch);
                    for (int i = 0; i < batch; i++) {
                        int a = random.nextInt(accounts.length);
                        int b = (a + 1 + random.nextInt(accounts.length - 1)) % accounts.length;
                        requests.add(transfer(accounts[a], accounts[b], "1.00"));
                    }
                    long began = System.nanoTime();
                    try {
                        if (batch == 1) {
                            ledger.post(requests.get(0));
                        } else {
                            ledger.postAll(requests);
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                        return;
                    }
                    latencies[count[0]++] = System.nanoTime() - began;
                    entries.addAndGet(batch);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long elapsed = System.nanoTime() - start;
        if (failure.get() != null) {
            throw new IllegalStateException("a client failed", failure.get());
        }
        int total = counts.stream().mapToInt(count -> count[0]).sum();
        long[] all = new long[total];
        int offset = 0;
        for (int t = 0; t < perThread.size(); t++) {
            System.arraycopy(perThread.get(t), 0, all, offset, counts.get(t)[0]);
            offset += counts.get(t)[0];
        }
        Arrays.sort(all);
        return new Result(all, entries.get(), elapsed);
    }

    private static void report(String scenario, int clients, int batch, Result result) {
        System.out.printf("%-34s %8d %12.0f %10.2f %10.2f%n", scenario, clients,
                result.entries() / (result.elapsedNanos() / 1e9), percentile(result.latencies(), 0.50) / 1e6,
                percentile(result.latencies(), 0.99) / 1e6);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** Rules §16.2, §16.3: as-of balance and a full statement of an account with many operations. */
    private void statementOfALongAccount() {
        String account = "L" + run;
        ledger.openAccount(account, AccountType.CLIENT, account, "Long history");
        int operations = configuration.operations();
        Instant middle = null;
        long fillStart = System.nanoTime();
        List<EntryRequest> batch = new ArrayList<>();
        for (int i = 1; i <= operations; i++) {
            batch.add(transfer(BANK, account, "0.01"));
            if (batch.size() == 1000 || i == operations) {
                ledger.postAll(batch);
                batch = new ArrayList<>();
                if (middle == null && i >= operations / 2) {
                    middle = Instant.now();
                }
            }
        }
        System.out.printf("%nfilled an account with %,d operations in %.1f s%n", operations, (System.nanoTime() - fillStart) / 1e9);
        long[] asOf = new long[21];
        for (int i = 0; i < asOf.length; i++) {
            long began = System.nanoTime();
            ledger.balancesAsOf(account, middle);
            asOf[i] = System.nanoTime() - began;
        }
        Arrays.sort(asOf);
        System.out.printf("as-of balance (middle of the history): p50 %.1f ms, max %.1f ms (%d runs)%n", asOf[10] / 1e6,
                asOf[asOf.length - 1] / 1e6, asOf.length);
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heapBefore = runtime.totalMemory() - runtime.freeMemory();
        long[] peak = { heapBefore };
        BigDecimal[] sum = { BigDecimal.ZERO };
        long began = System.nanoTime();
        long listed = ledger.operations(account, Instant.EPOCH, Instant.now().plusSeconds(60), operation -> {
            sum[0] = sum[0].add(operation.amount());
            if ((operation.postingId() & 1023) == 0) {
                peak[0] = Math.max(peak[0], runtime.totalMemory() - runtime.freeMemory());
            }
        });
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf("listing all %,d operations: %.2f s (%.0f operations/s), sum %s, heap growth at most %.1f MiB%n%n",
                listed, seconds, listed / seconds, sum[0].toPlainString(), (peak[0] - heapBefore) / 1048576.0);
    }
}
