package kz.qyzmet.servicetest;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A running platform for a service's tests: {@code java -jar} of the platform
 * jar on a fresh data directory and a free port, in dev mode (its one-time
 * codes readable by the session that asked for them), with the bundles under
 * test uploaded. Talks HTTPS (TLS 1.3) trusting the certificate it generated.
 */
public final class TestPlatform implements AutoCloseable {
    /** System property naming the platform jar ({@code qyzmet.jar}). */
    public static final String JAR_PROPERTY = "qyzmet.platform.jar";
    static final String ADMIN_PASSWORD = "Harness-Admin-Key-2026";
    static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path dataDir;
    private final String base;
    private final HttpClient http;
    private String operatorToken;

    private TestPlatform(Process process, Path dataDir, String base, HttpClient http) {
        this.process = process;
        this.dataDir = dataDir;
        this.base = base;
        this.http = http;
    }

    static TestPlatform start(String[] deploy) throws Exception {
        String jar = System.getProperty(JAR_PROPERTY);
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("set -D" + JAR_PROPERTY + "=<path of qyzmet.jar> to run the tests on a platform"
                    + " (found: " + jar + ")");
        }
        Path dataDir = Files.createTempDirectory("qyzmet-test-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of(jar).toAbsolutePath().toString()).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("platform.log").toFile());
        builder.environment().put("QYZMET_DATA_DIR", dataDir.toString());
        builder.environment().put("QYZMET_HTTPS_PORT", String.valueOf(port));
        builder.environment().put("QYZMET_MODE", "dev");
        builder.environment().put("QYZMET_AUTH_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("QYZMET_AUTH_ADMIN_PHONE", "+77000000001");
        Process process = builder.start();
        String base = "https://localhost:" + port + "/api/v1/";
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        HttpClient http = null;
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the platform stopped while starting: see " + dataDir.resolve("platform.log"));
            }
            if (http == null) {
                http = client(dataDir);
            }
            if (http != null && ready(http, base)) {
                break;
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the platform was not ready within 120 s: see " + dataDir.resolve("platform.log"));
            }
            Thread.sleep(200);
        }
        TestPlatform platform = new TestPlatform(process, dataDir, base, http);
        for (Path bundle : bundles(deploy)) {
            HttpResponse<String> uploaded = platform.send(HttpRequest.newBuilder(platform.uri("operator/bundles"))
                    .header("Content-Type", "application/java-archive").PUT(HttpRequest.BodyPublishers.ofFile(bundle)),
                    platform.operatorToken());
            if (uploaded.statusCode() / 100 != 2) {
                throw new IllegalStateException("deploying " + bundle + " was refused: " + uploaded.body());
            }
        }
        return platform;
    }

    /** The platform's client once its certificate exists. */
    private static HttpClient client(Path dataDir) throws Exception {
        Path keystore = dataDir.resolve("tls/keystore.p12");
        Path password = dataDir.resolve("tls/keystore.password");
        if (!Files.isRegularFile(keystore) || !Files.isRegularFile(password)) {
            return null;
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, Files.readString(password).strip().toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext tls = SSLContext.getInstance("TLSv1.3");
        tls.init(null, trust.getTrustManagers(), null);
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] { "TLSv1.3" });
        return HttpClient.newBuilder().sslContext(tls).sslParameters(parameters).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static boolean ready(HttpClient http, String base) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + "health/ready")).GET().timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The jars the patterns name, e.g. {@code target/*.jar} (sources and javadoc jars left out). */
    static List<Path> bundles(String[] patterns) throws IOException {
        List<Path> found = new ArrayList<>();
        for (String pattern : patterns) {
            Path path = Path.of(pattern);
            Path directory = path.getParent() == null ? Path.of(".") : path.getParent();
            try (DirectoryStream<Path> matches = Files.newDirectoryStream(directory, path.getFileName().toString())) {
                for (Path match : matches) {
                    String name = match.getFileName().toString();
                    if (!name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar")) {
                        found.add(match);
                    }
                }
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no bundle to deploy matches " + String.join(", ", patterns)
                    + " (run the tests after the package phase: mvn verify)");
        }
        return found;
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    public HttpResponse<String> get(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    public HttpResponse<String> post(String path, String json, String token) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    /** Sends with a session's bearer token (null: anonymous). */
    public HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The administrator's token: password, then the code from the dev outbox (a new token with the second factor). */
    public synchronized String operatorToken() throws Exception {
        if (operatorToken == null) {
            String token = JSON.readTree(expect(200, post("auth/login", "{\"identifier\":\"admin\",\"password\":\""
                    + ADMIN_PASSWORD + "\",\"client\":\"app\"}", null))).get("token").asText();
            operatorToken = JSON.readTree(expect(200, post("auth/login/second-factor", "{\"code\":\"" + code(token) + "\"}",
                    token))).get("token").asText();
        }
        return operatorToken;
    }

    /** The dev mode's sample client DEMO-0001 ({@code aigerim}) in a security session of the app. */
    public TestClient client() throws Exception {
        String token = JSON.readTree(expect(200, post("auth/login", "{\"identifier\":\"aigerim\",\"password\":"
                + "\"Steppe-Trial-2026\",\"client\":\"app\"}", null))).get("token").asText();
        expect(202, post("auth/security-session/code", "{\"channel\":\"sms\"}", token));
        String security = JSON.readTree(expect(200, post("auth/security-session", "{\"code\":\"" + code(token)
                + "\",\"biometrics\":true}", token))).get("token").asText();
        return new TestClient(this, security);
    }

    /** The entry of a service in the public catalog, or null. */
    public JsonNode catalogEntry(String serviceId) throws Exception {
        for (JsonNode service : JSON.readTree(expect(200, get("catalog", null))).get("services")) {
            if (service.get("id").asText().equals(serviceId)) {
                return service;
            }
        }
        return null;
    }

    /** The newest one-time code the dev outbox shows this session. */
    String code(String token) throws Exception {
        JsonNode messages = JSON.readTree(expect(200, get("dev/outbox", token))).get("messages");
        if (messages.isEmpty()) {
            throw new IllegalStateException("the dev outbox has no code for this session");
        }
        return messages.get(0).get("text").asText().substring(0, 6);
    }

    static String expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new AssertionError("expected " + status + " from " + response.request().method() + " "
                    + response.request().uri() + ", got " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: the system cleans it up eventually
        }
    }
}
