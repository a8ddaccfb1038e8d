package kz.qyzmet.benchmark.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.password4j.Argon2Function;
import com.password4j.types.Argon2;

import kz.qyzmet.auth.api.OtpChannel;

/**
 * Measures password logins inside the running platform against their physical
 * limit, one Argon2id hash with the same parameters:
 * <ul>
 * <li>bare hash: hashes per second per core and p50/p99 on one thread;</li>
 * <li>the HTTP floor: {@code GET /api/v1/auth/session} without a token (401), what
 * every request costs before authentication does anything;</li>
 * <li>login: {@code POST /api/v1/auth/login} over the plain loopback listener
 * (no TLS: transport is not authentication) on kept-alive connections, with one
 * client and with one client per core: logins per second per core and p50/p99;</li>
 * <li>the overhead: login minus bare hash at p50 and p99 — everything auth does
 * besides hashing (HTTP, JSON, filters, identity lookup, §42/§43 bookkeeping,
 * session insert, audit record).</li>
 * </ul>
 * The identities are created through the operator API and activated with the
 * codes a channel of this bundle receives (ranked above the outbox).
 */
@Component(configurationPid = "kz.qyzmet.benchmark", configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = AuthBenchmarkConfiguration.class)
public class AuthBenchmark {
    /** No digits: it must share no 3-character run with any generated login (rule §41). */
    private static final String PASSWORD = "Tenge#Login!";
    private static final String ADMIN_PHONE_SETTING = "admin.phone";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuthBenchmarkConfiguration configuration;
    private final ConfigurationAdmin configurations;
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private final ServiceRegistration<OtpChannel> channel;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String run = UUID.randomUUID().toString().substring(0, 6);

    @Activate
    public AuthBenchmark(@Reference ConfigurationAdmin configurations, AuthBenchmarkConfiguration configuration,
            BundleContext context) {
        this.configuration = configuration;
        this.configurations = configurations;
        this.base = "http://127.0.0.1:" + configuration.port() + "/api/v1/";
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(OtpChannel.CHANNEL_PROPERTY, new String[] { OtpChannel.SMS, OtpChannel.PUSH, OtpChannel.EMAIL });
        properties.put(Constants.SERVICE_RANKING, 10_000);
        this.channel = context.registerService(OtpChannel.class,
                message -> codes.put(message.recipient(), message.text().substring(0, 6)), properties);
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
        }, "qyzmet-auth-benchmark");
        thread.start();
    }

    @Deactivate
    void close() {
        channel.unregister();
    }

    private void runAll() throws Exception {
        awaitPlatform();
        Map<String, Object> auth = authSettings();
        int memory = setting(auth, "argon2.memory.kib", 19456);
        int iterations = setting(auth, "argon2.iterations", 2);
        int parallelism = setting(auth, "argon2.parallelism", 1);
        List<String> logins = createIdentities(operatorToken(String.valueOf(auth.getOrDefault(ADMIN_PHONE_SETTING, ""))));
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("%nQyzmet login benchmark: Argon2id m=%d KiB, t=%d, p=%d; %d identities; %d s per scenario; %d cores%n",
                memory, iterations, parallelism, logins.size(), configuration.seconds(), cores);
        System.out.printf("%-44s %8s %10s %10s %9s %9s%n", "scenario", "threads", "per s", "per core/s", "p50 ms", "p99 ms");

        // what a login must do at least: verify the password against a stored PHC hash of these parameters
        String stored = Argon2Function.getInstance(memory, iterations, parallelism, 32, Argon2.ID)
                .hash(PASSWORD.getBytes(StandardCharsets.UTF_8), UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII))
                .getResult();
        Task verify = thread -> {
            if (!Argon2Function.getInstanceFromHash(stored).check(PASSWORD, stored)) {
                throw new IllegalStateException("the password does not verify against its own hash");
            }
        };
        Result warm = measure(1, duration(), verify);
        Result hash = measure(1, duration(), verify);
        report("bare Argon2id verification", 1, hash, cores);
        Result hashes = measure(cores, duration(), verify);
        report("bare Argon2id verification", cores, hashes, cores);

        KeepAliveClient[] clients = new KeepAliveClient[cores];
        for (int i = 0; i < cores; i++) {
            clients[i] = new KeepAliveClient(configuration.port());
        }
        try {
            Task floor = thread -> expect(clients[thread].get("/api/v1/auth/session"), 401, "session without a token");
            measure(1, duration(), floor);
            Result http = measure(1, duration(), floor);
            report("HTTP floor: GET /auth/session -> 401", 1, http, cores);

            AtomicInteger next = new AtomicInteger();
            Task login = thread -> expect(clients[thread].post("/api/v1/auth/login", "{\"identifier\":\""
                    + logins.get(Math.floorMod(next.getAndIncrement(), logins.size())) + "\",\"password\":\"" + PASSWORD
                    + "\",\"client\":\"app\"}"), 200, "login");
            measure(1, duration(), login); // warm-up as long as a scenario: the platform JITs its own copy of Argon2
            Result single = measure(1, duration(), login);
            report("password login, POST /auth/login", 1, single, cores);
            Result parallel = measure(cores, duration(), login);
            report("password login, POST /auth/login", cores, parallel, cores);

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
        if (warm.count() == 0) {
            throw new IllegalStateException("no hash completed during warm-up");
        }
    }

    private Duration duration() {
        return Duration.ofSeconds(configuration.seconds());
    }

    @FunctionalInterface
    private interface Task {
        void run(int thread) throws Exception;
    }

    /** Latencies (ns, sorted) of every operation and the wall time they took. */
    private record Result(long[] latencies, long elapsedNanos) {
        int count() {
            return latencies.length;
        }

        double perSecond() {
            return latencies.length / (elapsedNanos / 1e9);
        }

        long percentile(double p) {
            return latencies.length == 0 ? 0
                    : latencies[Math.min(latencies.length - 1, (int) Math.ceil(p * latencies.length) - 1)];
        }
    }

    private static Result measure(int threads, Duration duration, Task task) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[threads];
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            long[] own = new long[1_000_000];
            latencies.add(own);
            int index = t;
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < deadline && counts[index] < own.length && failure.get() == null) {
                    long began = System.nanoTime();
                    try {
                        task.run(index);
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                        return;
                    }
                    own[counts[index]++] = System.nanoTime() - began;
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long elapsed = System.nanoTime() - start;
        if (failure.get() != null) {
            throw new IllegalStateException("a worker failed", failure.get());
        }
        long[] all = new long[Arrays.stream(counts).sum()];
        int offset = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies.get(t), 0, all, offset, counts[t]);
            offset += counts[t];
        }
        Arrays.sort(all);
        return new Result(all, elapsed);
    }

    private static void report(String scenario, int threads, Result result, int cores) {
        System.out.printf("%-44s %8d %10.1f %10.1f %9.2f %9.2f%n", scenario, threads, result.perSecond(),
                result.perSecond() / Math.min(threads, cores), result.percentile(0.50) / 1e6, result.percentile(0.99) / 1e6);
    }

    private static void expect(KeepAliveClient.Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
        }
    }

    private void awaitPlatform() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            try {
                // the auth resources join the application a moment after it answers: until then, 404
                HttpResponse<String> session = http.send(HttpRequest.newBuilder(URI.create(base + "auth/session")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (session.statusCode() == 401) {
                    return;
                }
            } catch (IOException notYet) {
                // the listener is not up yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the platform did not answer on " + base + " (is QYZMET_HTTP_PORT set?)");
            }
            Thread.sleep(250);
        }
    }

    private Map<String, Object> authSettings() throws IOException {
        Configuration auth = configurations.getConfiguration("kz.qyzmet.auth", "?");
        Map<String, Object> settings = new ConcurrentHashMap<>();
        Dictionary<String, Object> properties = auth.getProperties();
        if (properties != null) {
            for (var keys = properties.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                settings.put(key, properties.get(key));
            }
        }
        return settings;
    }

    /** The platform's defaults (AuthConfiguration) unless the setting overrides them. */
    private static int setting(Map<String, Object> settings, String key, int platformDefault) {
        Object value = settings.get(key);
        return value == null ? platformDefault : Integer.parseInt(value.toString());
    }

    private String operatorToken(String adminPhone) throws Exception {
        HttpResponse<String> login = post("auth/login", "{\"identifier\":\"admin\",\"password\":\""
                + configuration.admin_password() + "\",\"client\":\"app\"}", null);
        if (login.statusCode() != 200) {
            throw new IllegalStateException("administrator login: " + login.body());
        }
        String token = JSON.readTree(login.body()).get("token").asText();
        HttpResponse<String> second = post("auth/login/second-factor", "{\"code\":\"" + awaitCode(adminPhone) + "\"}", token);
        if (second.statusCode() != 200) {
            throw new IllegalStateException("administrator second factor: " + second.body());
        }
        return token;
    }

    private List<String> createIdentities(String operatorToken) throws Exception {
        List<String> logins = new ArrayList<>();
        for (int i = 0; i < configuration.identities(); i++) {
            String login = "bench-" + run + "-" + i;
            String phone = String.format("+7709%07d", Math.floorMod((run + i).hashCode(), 10_000_000));
            HttpResponse<String> created = post("operator/identities", "{\"login\":\"" + login + "\",\"phone\":\"" + phone
                    + "\",\"clientId\":\"BENCH-" + run + "-" + i + "\"}", operatorToken);
            if (created.statusCode() != 201 && created.statusCode() != 200) {
                throw new IllegalStateException("identity " + login + ": " + created.body());
            }
            JsonNode identity = JSON.readTree(created.body());
            HttpResponse<String> activated = post("auth/activation", "{\"identifier\":\"" + identity.get("phone").asText()
                    + "\",\"code\":\"" + awaitCode(identity.get("phone").asText()) + "\",\"newPassword\":\"" + PASSWORD + "\"}", null);
            if (activated.statusCode() / 100 != 2) {
                throw new IllegalStateException("activation of " + login + ": " + activated.body());
            }
            logins.add(login);
        }
        return logins;
    }

    private String awaitCode(String recipient) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            String code = codes.remove(recipient);
            if (code != null) {
                return code;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("no code reached " + recipient);
    }

    private HttpResponse<String> post(String path, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            // while bundles join at start the whiteboard redeploys the application: Jetty's own
            // HTML 404 for a moment, never one of ours (those are problem+json)
            boolean redeploying = answer.statusCode() == 404 && answer.headers().firstValue("Content-Type")
                    .map(type -> type.startsWith("text/html")).orElse(false);
            if (!redeploying || System.nanoTime() > deadline) {
                return answer;
            }
            Thread.sleep(100);
        }
    }
}
