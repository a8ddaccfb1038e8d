package kz.qyzmet.exchange.simulated.internal;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated exchange as a process of its own (issue #17), for a platform
 * that connects to it over FIX 4.4 as it would to a real exchange:
 * <pre>
 * java -jar tools/exchange-simulator/target/exchange-simulator.jar --port 9878 \
 *     --reference US0378331005=190.00 --data ./simulator-data
 * </pre>
 * then start the platform with {@code QYZMET_FIX_HOST=127.0.0.1 QYZMET_FIX_PORT=9878
 * QYZMET_TRADING_GATEWAY=fix}. Options: {@code --port} (9878), {@code --sender}
 * (SIMX), {@code --target} (QYZMET), {@code --data} (./simulator-data: the FIX
 * store), {@code --reference ISIN=price} (repeatable: books the market maker
 * quotes), {@code --no-liquidity}, {@code --close HH:MM} (23:59 Almaty).
 */
public final class Standalone {
    private Standalone() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options = Options.parse(args);
        ExchangeCore core = new ExchangeCore(report -> {
            throw new IllegalStateException("a standalone exchange has no in-process broker: connect over FIX");
        }, Clock.systemUTC(), options, options.data);
        Runtime.getRuntime().addShutdownHook(new Thread(core::stop, "simulated-exchange-stop"));
        System.out.printf("Qyzmet simulated exchange: FIX 4.4 on 127.0.0.1:%d as %s for %s, store in %s%n", options.port,
                options.sender, options.target, options.data.toAbsolutePath());
        Thread.currentThread().join();
    }

    /** The command line as the exchange's configuration. */
    static final class Options implements SimulatedExchangeConfiguration {
        int port = 9878;
        String sender = "SIMX";
        String target = "QYZMET";
        Path data = Path.of("simulator-data");
        final List<String> references = new ArrayList<>();
        boolean liquidity = true;
        String close = "23:59";

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                case "--port" -> options.port = Integer.parseInt(value(args, ++i, arg));
                case "--sender" -> options.sender = value(args, ++i, arg);
                case "--target" -> options.target = value(args, ++i, arg);
                case "--data" -> options.data = Path.of(value(args, ++i, arg));
                case "--reference" -> options.references.add(value(args, ++i, arg));
                case "--no-liquidity" -> options.liquidity = false;
                case "--close" -> options.close = value(args, ++i, arg);
                default -> throw new IllegalArgumentException("unknown option " + arg
                        + " (--port, --sender, --target, --data, --reference ISIN=price, --no-liquidity, --close HH:MM)");
                }
            }
            return options;
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return SimulatedExchangeConfiguration.class;
        }

        @Override
        public String[] reference_prices() {
            return references.toArray(String[]::new);
        }

        @Override
        public boolean liquidity() {
            return liquidity;
        }

        @Override
        public int depth_levels() {
            return 5;
        }

        @Override
        public long level_quantity() {
            return 100;
        }

        @Override
        public int level_spacing_bp() {
            return 10;
        }

        @Override
        public int fix_port() {
            return port;
        }

        @Override
        public String fix_sender_comp_id() {
            return sender;
        }

        @Override
        public String fix_target_comp_id() {
            return target;
        }

        @Override
        public String close_at() {
            return close;
        }
    }
}
