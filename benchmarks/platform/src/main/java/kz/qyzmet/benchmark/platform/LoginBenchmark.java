package kz.qyzmet.benchmark.platform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;

/**
 * Password logins against their physical limit, one Argon2id verification with
 * the same parameters (issue #4):
 * <ul>
 * <li>bare verification: per second per core and p50/p99 on one thread;</li>
 * <li>the HTTP floor: {@code GET /api/v1/auth/session} without a token (401), what
 * every request costs before authentication does anything;</li>
 * <li>login: {@code POST /api/v1/auth/login} over the plain loopback listener
 * (no TLS: transport is not authentication) on kept-alive connections, with one
 * client and with one client per core: logins per second per core and p50/p99;</li>
 * <li>the overhead: login minus bare verification at p50 and p99 — everything
 * auth does besides hashing (HTTP, JSON, filters, identity lookup, §42/§43
 * bookkeeping, session insert, audit record).</li>
 * </ul>
 */
final class LoginBenchmark {
    /** No digits: it must share no 3-character run with any generated login (rule §41). */
    private static final String PASSWORD = "Tenge#Login!";

    private final Harness harness;
    private final String run = UUID.randomUUID().toString().substring(0, 6);

    LoginBenchmark(Harness harness) {
        this.harness = harness;
    }

    void run() throws Exception {
        Map<String, Object> auth = harness.settings("kz.qyzmet.auth");
        int memory = setting(auth, "argon2.memory.kib", 19456);
        int iterations = setting(auth, "argon2.iterations", 2);
        int parallelism = setting(auth, "argon2.parallelism", 1);
        String operator = harness.operatorToken();
        List<String> logins = new ArrayList<>();
        for (int i = 0; i < harness.configuration.identities(); i++) {
            String login = "bench-" + run + "-" + i;
            harness.newIdentity(operator, login, String.format("+7709%07d", Math.floorMod((run + i).hashCode(), 10_000_000)),
                    "BENCH-" + run + "-" + i, PASSWORD);
            logins.add(login);
        }
        int cores = harness.cores;
        System.out.printf("%nQyzmet login benchmark: Argon2id m=%d KiB, t=%d, p=%d; %d identities; %d s per scenario; %d cores%n",
                memory, iterations, parallelism, logins.size(), harness.configuration.seconds(), cores);
        harness.header();

        // what a login must do at least: verify the password against a stored PHC hash of these parameters
        String stored = Argon2Function.getInstance(memory, iterations, parallelism, 32, Argon2.ID)
                .hash(PASSWORD.getBytes(StandardCharsets.UTF_8), UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII))
                .getResult();
        Harness.Task verify = thread -> {
            if (!Argon2Function.getInstanceFromHash(stored).check(PASSWORD, stored)) {
                throw new IllegalStateException("the password does not verify against its own hash");
            }
        };
        Harness.measure(1, harness.duration(), verify);
        Harness.Result hash = Harness.measure(1, harness.duration(), verify);
        harness.report("bare Argon2id verification", 1, hash);
        Harness.Result hashes = Harness.measure(cores, harness.duration(), verify);
        harness.report("bare Argon2id verification", cores, hashes);

        KeepAliveClient[] clients = new KeepAliveClient[cores];
        for (int i = 0; i < cores; i++) {
            clients[i] = new KeepAliveClient(harness.configuration.port());
        }
        try {
            Harness.Task floor = thread -> Harness.expect(clients[thread].get("/api/v1/auth/session"), 401,
                    "session without a token");
            Harness.measure(1, harness.duration(), floor);
            harness.report("HTTP floor: GET /auth/session -> 401", 1, Harness.measure(1, harness.duration(), floor));

            AtomicInteger next = new AtomicInteger();
            Harness.Task login = thread -> Harness.expect(clients[thread].post("/api/v1/auth/login", "{\"identifier\":\""
                    + logins.get(Math.floorMod(next.getAndIncrement(), logins.size())) + "\",\"password\":\"" + PASSWORD
                    + "\",\"client\":\"app\"}"), 200, "login");
            Harness.measure(1, harness.duration(), login); // warm-up as long as a scenario: the platform JITs its own Argon2
            Harness.Result single = Harness.measure(1, harness.duration(), login);
            harness.report("password login, POST /auth/login", 1, single);
            Harness.Result parallel = Harness.measure(cores, harness.duration(), login);
            harness.report("password login, POST /auth/login", cores, parallel);

            long p50 = single.percentile(0.50) - hash.percentile(0.50);
            long p99 = single.percentile(0.99) - hash.percentile(0.99);
            // with 19 MiB per hash the garbage collector sets both tails: their difference can even be negative,
            // then only the run with minimal parameters (login = overhead) tells the p99
            System.out.printf("%nauth overhead beyond hashing (1 client): p50 %.2f ms, p99 %s (login minus bare verification)%n",
                    p50 / 1e6, p99 > 0 ? String.format("%.2f ms", p99 / 1e6) : "lost in the verifications' own tail");
            System.out.printf("logins per core reach %.0f%% of bare verifications per core (%d threads)%n%n",
                    100.0 * parallel.perSecond() / hashes.perSecond(), cores);
        } finally {
            for (KeepAliveClient client : clients) {
                client.close();
            }
        }
    }

    /** The platform's defaults (AuthConfiguration) unless the setting overrides them. */
    private static int setting(Map<String, Object> settings, String key, int platformDefault) {
        Object value = settings.get(key);
        return value == null ? platformDefault : Integer.parseInt(value.toString());
    }
}
