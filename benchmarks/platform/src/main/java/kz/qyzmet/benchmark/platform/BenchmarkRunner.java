package kz.qyzmet.benchmark.platform;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import kz.qyzmet.clients.api.ClientRecords;
import kz.qyzmet.ledger.api.Ledger;

/**
 * Runs the benchmark suite the configuration names once the platform answers,
 * prints its table, and stops the platform (the runner scripts wait for that).
 * Deployed by the scripts into a fresh data directory, never into a real one.
 */
@Component(configurationPid = "kz.qyzmet.benchmark", configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = BenchmarkConfiguration.class)
public class BenchmarkRunner {

    @Activate
    public BenchmarkRunner(@Reference ConfigurationAdmin configurations, @Reference Ledger ledger,
            @Reference ClientRecords clients,
            BenchmarkConfiguration configuration, BundleContext context) {
        Thread thread = new Thread(() -> {
            try (Harness harness = new Harness(configuration, configurations, context)) {
                harness.awaitPlatform();
                switch (configuration.suite()) {
                case "auth" -> new LoginBenchmark(harness).run();
                case "documents" -> new DocumentsBenchmark(harness, ledger).run();
                case "withdrawals" -> new WithdrawalsBenchmark(harness, ledger, clients).run();
                case "trading" -> new TradingBenchmark(harness, ledger, clients, context).run();
                default -> throw new IllegalArgumentException("unknown suite '" + configuration.suite()
                        + "': auth, documents, withdrawals or trading");
                }
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
        }, "qyzmet-benchmark-" + configuration.suite());
        thread.start();
    }
}
