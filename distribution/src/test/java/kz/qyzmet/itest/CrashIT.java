package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue #11, items 12 and 13: the platform as {@code java -jar} runs it, killed
 * with {@code kill -9} while it books payments. The embedded MariaDB does not
 * outlive it (a watchdog stops it), the next start works at the first attempt,
 * and every payment that was acknowledged is there with its journal record;
 * the journal verifies intact.
 */
public class CrashIT {
    /** Every service of the default distribution: the first catalog after a start lists them all. */
    static final java.util.Set<String> DEFAULT_SERVICES = new java.util.TreeSet<>(List.of("account-settings", "claim-rights",
            "deal-register", "extract", "ipo", "operations-report", "orders", "other-reports", "personal-data", "security-settings",
            "source-of-funds", "transfer", "w8ben", "withdrawal"));

    private static final Duration LOAD = Duration.ofSeconds(4);

    @Test
    public void aKilledPlatformRestartsAtOnceWithEveryAcknowledgedOperationAndItsRecord() throws Exception {
        Path dataDir = Path.of(System.getProperty("qyzmet.it.target"), "it-crash").toAbsolutePath();
        deleteRecursively(dataDir);
        int port = ItPlatform.freePort();
        Process first = launch(dataDir, port);
        List<Long> acknowledged = new ArrayList<>();
        String sessionOfFirstRun = null;
        try {
            Client client = Client.await(dataDir, port);
            sessionOfFirstRun = client.token();
            client.post("operator/ledger/accounts", "{\"id\":\"CRASH-BANK\",\"type\":\"EXTERNAL\",\"owner\":null,\"name\":\"Bank\"}");
            client.post("operator/ledger/accounts", "{\"id\":\"CRASH-1\",\"type\":\"CLIENT\",\"owner\":\"c-1\",\"name\":\"Client\"}");
            acknowledged.addAll(payUntilKilled(client, first));
        } finally {
            first.destroyForcibly();
        }
        assertTrue("payments were acknowledged before the crash: " + acknowledged.size(), acknowledged.size() > 20);
        Path pidFile = dataDir.resolve("mariadb/mysqld.pid");
        ItSupport.await(Duration.ofSeconds(10), "the embedded MariaDB does not outlive its platform",
                () -> serverOf(pidFile).isEmpty());

        long restarting = System.nanoTime();
        Process second = launch(dataDir, port);
        try {
            watchStartup(dataDir, port, sessionOfFirstRun);
            Client client = Client.await(dataDir, port);
            Duration restart = Duration.ofNanos(System.nanoTime() - restarting);
            System.out.printf("crash test: %d payments acknowledged before kill -9; restart to first answer %d ms%n",
                    acknowledged.size(), restart.toMillis());
            for (long entry : acknowledged) {
                assertEquals("acknowledged entry " + entry + " is there", 200, client.get("operator/ledger/entries/" + entry).statusCode());
            }
            ItSupport.awaitChecked(Duration.ofSeconds(10), "every acknowledged entry has its journal record", () -> {
                for (long entry : acknowledged) {
                    JsonNode records = ItSupport.JSON.readTree(client.get("operator/audit?subject=ledger-entry:" + entry).body());
                    if (records.get("records").isEmpty()) {
                        return false;
                    }
                }
                return true;
            });
            JsonNode verification = ItSupport.JSON.readTree(client.get("operator/audit/verification").body());
            assertTrue(verification.toString(), verification.get("intact").asBoolean());
            System.out.printf("crash test: all %d acknowledged payments and their records found, journal intact%n",
                    acknowledged.size());

            // item 11: a SIGTERM under load stops the framework, then the database: nothing acknowledged is lost
            acknowledged.clear();
            long[] stopMillis = new long[1];
            java.util.Queue<String> refusals = new ConcurrentLinkedQueue<>();
            acknowledged.addAll(payWhile(client, second, () -> {
                long stopping = System.nanoTime();
                second.destroy();
                assertTrue("a SIGTERM stops the platform", second.waitFor(60, TimeUnit.SECONDS));
                stopMillis[0] = (System.nanoTime() - stopping) / 1_000_000;
            }, refusals));
            System.out.printf("crash test: SIGTERM under load to exit %d ms, %d payments acknowledged, %d refused while"
                    + " stopping%n", stopMillis[0], acknowledged.size(), refusals.size());
            assertTrue("stopped within 5 s: " + stopMillis[0] + " ms", stopMillis[0] < 5000);
            // in flight they finish; new ones are told to come back (503 problem+json), never a 500 or an HTML page
            for (String refusal : refusals) {
                assertTrue(refusal, refusal.startsWith("503 ") && refusal.contains("\"type\""));
            }
        } finally {
            second.destroy();
            second.waitFor(60, TimeUnit.SECONDS);
        }
        Process third = launch(dataDir, port);
        try {
            Client client = Client.await(dataDir, port);
            for (long entry : acknowledged) {
                assertEquals("acknowledged entry " + entry + " survived the stop", 200,
                        client.get("operator/ledger/entries/" + entry).statusCode());
                assertFalse("and its record", ItSupport.JSON.readTree(client.get("operator/audit?subject=ledger-entry:" + entry)
                        .body()).get("records").isEmpty());
            }
            assertFalse("the stop's own records are in the journal", ItSupport.JSON.readTree(client.get(
                    "operator/audit?type=registry.service.removed").body()).get("records").isEmpty());
            assertTrue(ItSupport.JSON.readTree(client.get("operator/audit/verification").body()).get("intact").asBoolean());

            // item 14: the embedded database dies under the running platform; requests get a quick 503, it comes back
            ProcessHandle server = serverOf(pidFile).orElseThrow();
            server.destroyForcibly();
            long died = System.nanoTime();
            ItSupport.awaitChecked(Duration.ofSeconds(10), "readiness says the database is away",
                    () -> client.get("health/ready").statusCode() == 503);
            ItSupport.awaitChecked(Duration.ofSeconds(60), "the platform starts the database again",
                    () -> client.get("health/ready").statusCode() == 200);
            System.out.printf("crash test: embedded MariaDB killed, ready again after %d ms%n",
                    (System.nanoTime() - died) / 1_000_000);
            HttpResponse<String> after = client.post("operator/ledger/payments-in", "{\"idempotencyKey\":\"" + UUID.randomUUID()
                    + "\",\"account\":\"CRASH-1\",\"counterpart\":\"CRASH-BANK\",\"asset\":\"KZT\",\"amount\":\"1.00\"}");
            assertEquals(after.body(), 200, after.statusCode());
        } finally {
            third.destroy();
            assertTrue(third.waitFor(60, TimeUnit.SECONDS));
        }
    }

    /**
     * Item 15: from the moment the listener opens until the platform is ready, the API
     * answers 503 problem+json; never an empty catalog, an HTML page, a 404, or a 401 for
     * a session that is valid (the first run's session is still open in the database).
     */
    private static void watchStartup(Path dataDir, int port, String validToken) throws Exception {
        ItSupport.awaitChecked(Duration.ofSeconds(90), "the certificate", () -> Files.isRegularFile(dataDir.resolve("tls/keystore.p12")));
        HttpClient http = HttpClient.newBuilder().sslContext(ItSupport.trustKeystore(dataDir.resolve("tls/keystore.p12"),
                Files.readString(dataDir.resolve("tls/keystore.password")).strip(), "PKCS12")).sslParameters(ItSupport.tls13())
                .connectTimeout(Duration.ofSeconds(2)).build();
        String base = "https://localhost:" + port + "/api/v1/";
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int starting = 0;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> catalog;
            HttpResponse<String> session;
            try {
                catalog = http.send(HttpRequest.newBuilder(URI.create(base + "catalog")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                session = http.send(HttpRequest.newBuilder(URI.create(base + "auth/session")).header("Authorization", "Bearer "
                        + validToken).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException notListening) {
                Thread.sleep(10); // polling a process that is starting: its listener is not open yet
                continue;
            }
            for (HttpResponse<String> answer : List.of(catalog, session)) {
                if (answer.statusCode() != 200) {
                    assertEquals(answer.uri() + ": " + answer.body(), 503, answer.statusCode());
                    assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
                    assertTrue(answer.headers().firstValue("Retry-After").isPresent());
                }
            }
            if (catalog.statusCode() == 200) {
                java.util.Set<String> listed = new java.util.TreeSet<>();
                ItSupport.JSON.readTree(catalog.body()).get("services").forEach(entry -> listed.add(entry.get("id").asText()));
                assertEquals("the first catalog is complete: " + catalog.body(), DEFAULT_SERVICES, listed);
                assertEquals("a valid session is valid from the first answer: " + session.body(), 200, session.statusCode());
                System.out.printf("crash test: %d answers 'starting' (503) before the first catalog%n", starting);
                return;
            }
            starting++;
        }
        throw new AssertionError("the platform did not become ready");
    }

    private static List<Long> payUntilKilled(Client client, Process platform) throws Exception {
        return payWhile(client, platform, () -> {
            platform.destroyForcibly();
            assertTrue(platform.waitFor(10, TimeUnit.SECONDS));
            assertFalse(platform.isAlive());
        });
    }

    /** Books payments from four clients; after {@link #LOAD}, {@code stop} ends the platform while they go on. */
    private static List<Long> payWhile(Client client, Process platform, ThrowingRunnable stop) throws Exception {
        return payWhile(client, platform, stop, new ConcurrentLinkedQueue<>());
    }

    /** As above; every answer other than 200 goes to {@code refusals} as its status and body. */
    private static List<Long> payWhile(Client client, Process platform, ThrowingRunnable stop,
            java.util.Queue<String> refusals) throws Exception {
        ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService payers = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            payers.submit(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> paid = client.post("operator/ledger/payments-in", "{\"idempotencyKey\":\""
                                + UUID.randomUUID() + "\",\"account\":\"CRASH-1\",\"counterpart\":\"CRASH-BANK\",\"asset\":\"KZT\","
                                + "\"amount\":\"1.00\"}");
                        if (paid.statusCode() == 200) {
                            acknowledged.add(ItSupport.JSON.readTree(paid.body()).get("id").asLong());
                        } else {
                            refusals.add(paid.statusCode() + " " + paid.body());
                        }
                    } catch (Exception killed) {
                        // the platform is gone: what was acknowledged so far is what counts
                    }
                }
                return null;
            });
        }
        try {
            // payments go on while the platform is stopped
            platform.waitFor(LOAD.toMillis(), TimeUnit.MILLISECONDS);
            stop.run();
        } finally {
            running.set(false);
            payers.shutdown();
            payers.awaitTermination(20, TimeUnit.SECONDS);
        }
        return new ArrayList<>(acknowledged);
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static Optional<ProcessHandle> serverOf(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).filter(ProcessHandle::isAlive);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static Process launch(Path dataDir, int port) throws Exception {
        Files.createDirectories(dataDir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path jar = Path.of(System.getProperty("qyzmet.it.target"), "qyzmet.jar");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(dataDir.getParent().toFile(), "it-crash.log")));
        builder.environment().put("QYZMET_DATA_DIR", dataDir.toString());
        builder.environment().put("QYZMET_HTTPS_PORT", String.valueOf(port));
        builder.environment().put("QYZMET_MODE", "dev");
        builder.environment().put("QYZMET_AUTH_ADMIN_PASSWORD", ItSupport.ADMIN_PASSWORD);
        builder.environment().put("QYZMET_AUTH_ADMIN_PHONE", ItSupport.ADMIN_PHONE);
        builder.environment().put("QYZMET_LEDGER_APPROVAL_THRESHOLDS", "*=1000000");
        return builder.start();
    }

    /** An administrator's session on the launched platform (second factor from the dev outbox). */
    private record Client(HttpClient http, String base, String token) {
        static Client await(Path dataDir, int port) throws Exception {
            String base = "https://localhost:" + port + "/api/v1/";
            ItSupport.awaitChecked(Duration.ofSeconds(90), "the platform answers", () -> Files.isRegularFile(
                    dataDir.resolve("tls/keystore.p12")));
            HttpClient http = HttpClient.newBuilder().sslContext(ItSupport.trustKeystore(dataDir.resolve("tls/keystore.p12"),
                    Files.readString(dataDir.resolve("tls/keystore.password")).strip(), "PKCS12")).sslParameters(ItSupport.tls13())
                    .connectTimeout(Duration.ofSeconds(5)).build();
            Client anonymous = new Client(http, base, null);
            ItSupport.awaitChecked(Duration.ofSeconds(90), "the catalog answers", () -> anonymous.get("catalog").statusCode() == 200);
            String[] token = new String[1];
            ItSupport.awaitChecked(Duration.ofSeconds(30), "the administrator can log in", () -> {
                HttpResponse<String> login = anonymous.post("auth/login", "{\"identifier\":\"admin\",\"password\":\""
                        + ItSupport.ADMIN_PASSWORD + "\",\"client\":\"app\"}");
                token[0] = login.statusCode() == 200 ? ItSupport.JSON.readTree(login.body()).get("token").asText() : null;
                return token[0] != null;
            });
            Client half = new Client(http, base, token[0]);
            String code = ItSupport.JSON.readTree(half.get("dev/outbox").body()).get("messages").get(0).get("text").asText()
                    .substring(0, 6);
            HttpResponse<String> second = half.post("auth/login/second-factor", "{\"code\":\"" + code + "\"}");
            assertEquals(200, second.statusCode());
            // the second factor gives the session a new token
            return new Client(http, base, ItSupport.JSON.readTree(second.body()).get("token").asText());
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        HttpResponse<String> post(String path, String json) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return http.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static void deleteRecursively(Path directory) throws Exception {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
