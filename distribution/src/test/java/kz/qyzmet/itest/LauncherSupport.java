package kz.qyzmet.itest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;

import kz.qyzmet.launcher.FeatureBundles;
import kz.qyzmet.launcher.Platform;
import kz.qyzmet.launcher.Settings;

/**
 * Tests of the launcher itself ({@link Platform}, as {@code java -jar} runs it):
 * settings for a fresh data directory with the embedded MariaDB, and an HTTPS
 * client trusting the certificate the platform generated.
 */
final class LauncherSupport {
    final Path dataDir;
    final Settings settings;
    final FeatureBundles.Source source;
    final String base;
    private HttpClient client;
    private String operatorToken;

    LauncherSupport(String name) throws Exception {
        this(name, java.util.function.UnaryOperator.identity());
    }

    /** A platform whose settings {@code adjust} changes, e.g. to share a database with another node. */
    LauncherSupport(String name, java.util.function.UnaryOperator<Settings> adjust) throws Exception {
        dataDir = Path.of(System.getProperty("qyzmet.it.target"), "it-" + name).toAbsolutePath();
        deleteRecursively(dataDir);
        Properties system = new Properties();
        system.setProperty(Settings.DATA_DIR, dataDir.toString());
        system.setProperty(Settings.HTTPS_PORT, String.valueOf(ItPlatform.freePort()));
        system.setProperty("qyzmet.auth.admin.password", ItSupport.ADMIN_PASSWORD);
        system.setProperty("qyzmet.auth.admin.phone", ItSupport.ADMIN_PHONE);
        // dev mode: one-time codes are readable at /api/v1/dev/outbox, so the test can log in
        system.setProperty("qyzmet.mode", "dev");
        settings = adjust.apply(Settings.load(Map.of(), system));
        source = FeatureBundles.directories(Path.of(System.getProperty("qyzmet.features.dir")),
                Path.of(System.getProperty("qyzmet.repository")));
        base = "https://localhost:" + settings.get(Settings.HTTPS_PORT) + "/api/v1/";
    }

    /** Starts the platform and waits for its catalog. */
    Platform start() throws Exception {
        Platform platform = Platform.start(settings, source);
        client = null;
        operatorToken = null;
        ItSupport.awaitChecked(Duration.ofSeconds(30), "catalog answers", () -> get("catalog").statusCode() == 200);
        return platform;
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)));
    }

    /** Logs in with a password as the app does; the answer (token, session) as JSON. */
    com.fasterxml.jackson.databind.JsonNode login(String identifier, String password) throws Exception {
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(base + "auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"identifier\":\"" + identifier + "\",\"password\":\"" + password + "\",\"client\":\"app\"}")));
        if (login.statusCode() != 200) {
            throw new AssertionError("login of " + identifier + ": " + login.body());
        }
        return ItSupport.JSON.readTree(login.body());
    }

    /** Administrator login through the API: password, then the code read from the dev outbox. */
    String operatorToken() throws Exception {
        if (operatorToken == null) {
            HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(base + "auth/login"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"identifier\":\"" + ItSupport.ADMIN_LOGIN + "\",\"password\":\"" + ItSupport.ADMIN_PASSWORD
                                    + "\",\"client\":\"app\"}")));
            if (login.statusCode() != 200) {
                throw new AssertionError("administrator login: " + login.body());
            }
            String token = ItSupport.JSON.readTree(login.body()).get("token").asText();
            // the dev outbox shows a session the codes asked for in it, and nothing else
            String text = ItSupport.JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "dev/outbox"))
                    .header("Authorization", "Bearer " + token)).body()).get("messages").get(0).get("text").asText();
            HttpResponse<String> second = send(HttpRequest.newBuilder(URI.create(base + "auth/login/second-factor"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + text.substring(0, 6) + "\"}")));
            if (second.statusCode() != 200) {
                throw new AssertionError("administrator second factor: " + second.body());
            }
            operatorToken = ItSupport.JSON.readTree(second.body()).get("token").asText();
        }
        return operatorToken;
    }

    /** A request with a session's bearer token (null: anonymous). */
    HttpResponse<String> as(String token, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    HttpResponse<String> operator(String method, String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + operatorToken())
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Uploads a bundle jar through the operator API. */
    HttpResponse<String> upload(Path jar) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "operator/bundles")).header("Authorization", "Bearer "
                + operatorToken()).header("Content-Type", "application/java-archive").PUT(HttpRequest.BodyPublishers.ofFile(jar)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client().send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Trusts exactly the certificate in the platform's data directory (a restart must reuse it). */
    private HttpClient client() throws Exception {
        if (client == null) {
            SSLContext ssl = ItSupport.trustKeystore(dataDir.resolve("tls/keystore.p12"),
                    Files.readString(dataDir.resolve("tls/keystore.password")).trim(), "PKCS12");
            client = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
        }
        return client;
    }

    static void deleteRecursively(Path directory) throws Exception {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
