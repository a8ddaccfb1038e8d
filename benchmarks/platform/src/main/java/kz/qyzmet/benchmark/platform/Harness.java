package kz.qyzmet.benchmark.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.qyzmet.auth.api.OtpChannel;

/**
 * What every benchmark suite needs from the running platform: HTTP to its plain
 * loopback listener, the one-time codes it sends (a channel of this bundle ranked
 * above the outbox), an operator session, settings from ConfigurationAdmin, and
 * the measuring loop with its percentiles.
 */
final class Harness implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final BenchmarkConfiguration configuration;
    final BundleContext context;
    private final ConfigurationAdmin configurations;
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private final ServiceRegistration<OtpChannel> channel;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    final int cores = Runtime.getRuntime().availableProcessors();

    Harness(BenchmarkConfiguration configuration, ConfigurationAdmin configurations, BundleContext context) {
        this.configuration = configuration;
        this.configurations = configurations;
        this.context = context;
        this.base = "http://127.0.0.1:" + configuration.port() + "/api/v1/";
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(OtpChannel.CHANNEL_PROPERTY, new String[] { OtpChannel.SMS, OtpChannel.PUSH, OtpChannel.EMAIL });
        properties.put(Constants.SERVICE_RANKING, 10_000);
        this.channel = context.registerService(OtpChannel.class,
                message -> codes.put(message.recipient(), message.text().substring(0, 6)), properties);
    }

    @Override
    public void close() {
        channel.unregister();
    }

    Duration duration() {
        return Duration.ofSeconds(configuration.seconds());
    }

    // ------------------------------------------------------------------ the platform

    void awaitPlatform() throws Exception {
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

    Map<String, Object> settings(String pid) throws IOException {
        Configuration configuration = configurations.getConfiguration(pid, "?");
        Map<String, Object> settings = new ConcurrentHashMap<>();
        Dictionary<String, Object> properties = configuration.getProperties();
        if (properties != null) {
            for (var keys = properties.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                settings.put(key, properties.get(key));
            }
        }
        return settings;
    }

    /** The administrator, logged in with password and the code to its phone: an operator bearer token. */
    String operatorToken() throws Exception {
        String adminPhone = String.valueOf(settings("kz.qyzmet.auth").getOrDefault("admin.phone", ""));
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
        return JSON.readTree(second.body()).get("token").asText();
    }

    /** Creates and activates a client identity through the operator API, as onboarding does; its id. */
    String newIdentity(String operatorToken, String login, String phone, String clientId, String password) throws Exception {
        HttpResponse<String> created = post("operator/identities", "{\"login\":\"" + login + "\",\"phone\":\"" + phone
                + "\",\"clientId\":\"" + clientId + "\"}", operatorToken);
        if (created.statusCode() != 201 && created.statusCode() != 200) {
            throw new IllegalStateException("identity " + login + ": " + created.body());
        }
        JsonNode identity = JSON.readTree(created.body());
        HttpResponse<String> activated = post("auth/activation", "{\"identifier\":\"" + identity.get("phone").asText()
                + "\",\"code\":\"" + awaitCode(identity.get("phone").asText()) + "\",\"newPassword\":\"" + password + "\"}", null);
        if (activated.statusCode() / 100 != 2) {
            throw new IllegalStateException("activation of " + login + ": " + activated.body());
        }
        return identity.get("id").asText();
    }

    /** Logs a client into the app and opens a security session with an SMS code (§35.1); the bearer token. */
    String securitySession(String login, String phone, String password) throws Exception {
        HttpResponse<String> answer = post("auth/login", "{\"identifier\":\"" + login + "\",\"password\":\"" + password
                + "\",\"client\":\"app\"}", null);
        String token = JSON.readTree(answer.body()).get("token").asText();
        post("auth/security-session/code", "{\"channel\":\"sms\"}", token);
        HttpResponse<String> security = post("auth/security-session", "{\"code\":\"" + awaitCode(phone)
                + "\",\"biometrics\":true}", token);
        if (security.statusCode() != 200) {
            throw new IllegalStateException("security session: " + security.body());
        }
        return JSON.readTree(security.body()).get("token").asText();
    }

    String awaitCode(String recipient) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            String code = codes.remove(recipient);
            if (code != null) {
                return code;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("no code reached " + recipient);
    }

    HttpResponse<String> post(String path, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        return send(request, token);
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET(), token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
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

    static void expect(KeepAliveClient.Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
        }
    }

    // ------------------------------------------------------------------ measuring

    @FunctionalInterface
    interface Task {
        void run(int thread) throws Exception;
    }

    /** Latencies (ns, sorted) of every operation and the wall time they took. */
    record Result(long[] latencies, long elapsedNanos) {
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

    static Result measure(int threads, Duration duration, Task task) throws InterruptedException {
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

    void header() {
        System.out.printf("%-44s %8s %10s %10s %9s %9s%n", "scenario", "threads", "per s", "per core/s", "p50 ms", "p99 ms");
    }

    void report(String scenario, int threads, Result result) {
        System.out.printf("%-44s %8d %10.1f %10.1f %9.2f %9.2f%n", scenario, threads, result.perSecond(),
                result.perSecond() / Math.min(threads, cores), result.percentile(0.50) / 1e6, result.percentile(0.99) / 1e6);
    }
}
