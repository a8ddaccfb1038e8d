package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.Test;

import kz.qyzmet.launcher.FeatureBundles;
import kz.qyzmet.launcher.Platform;
import kz.qyzmet.launcher.Settings;

/**
 * The launcher end to end, as {@code java -jar} runs it: the embedded MariaDB in
 * the data directory, the generated certificate, the default features. A stop
 * and a start on the same data directory keep the data, the service states and
 * the hot-deployed bundles.
 */
public class RestartIT {

    @Test
    public void aRestartKeepsDataStatesAndDeployedServices() throws Exception {
        Path dataDir = Path.of(System.getProperty("qyzmet.it.target"), "it-restart").toAbsolutePath();
        deleteRecursively(dataDir);
        Properties system = new Properties();
        system.setProperty(Settings.DATA_DIR, dataDir.toString());
        system.setProperty(Settings.HTTPS_PORT, String.valueOf(ItPlatform.freePort()));
        system.setProperty("qyzmet.operator.key", ItSupport.OPERATOR_KEY);
        Settings settings = Settings.load(Map.of(), system);
        FeatureBundles.Source source = FeatureBundles.directories(Path.of(System.getProperty("qyzmet.features.dir")),
                Path.of(System.getProperty("qyzmet.repository")));
        String base = "https://localhost:" + settings.get(Settings.HTTPS_PORT) + "/api/v1/";

        try (Platform first = Platform.start(settings, source)) {
            HttpClient client = client(dataDir);
            ItSupport.awaitChecked(Duration.ofSeconds(30), "catalog answers", () -> get(client, base + "catalog").statusCode() == 200);
            Files.copy(Path.of(System.getProperty("qyzmet.demo.bundle")), dataDir.resolve("deploy/demo.jar"));
            ItSupport.awaitChecked(Duration.ofSeconds(10), "deployed service answers",
                    () -> get(client, base + "services/demo-offices/offices").statusCode() == 200);
            HttpResponse<String> disabled = client.send(HttpRequest.newBuilder(URI.create(base + "operator/services/demo-offices/state"))
                    .header("Authorization", "Bearer " + ItSupport.OPERATOR_KEY).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"state\":\"DISABLED\",\"reason\":{\"kk\":\"Жабық\","
                            + "\"ru\":\"Закрыто\",\"en\":\"Closed\"}}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(disabled.body(), 200, disabled.statusCode());
        }
        assertTrue("the embedded database keeps its files", Files.isDirectory(dataDir.resolve("mariadb/data/qyzmet")));

        try (Platform second = Platform.start(settings, source)) {
            HttpClient client = client(dataDir);
            ItSupport.awaitChecked(Duration.ofSeconds(30), "the hot-deployed service is back, still disabled",
                    () -> get(client, base + "services/demo-offices/offices").statusCode() == 503);
            HttpResponse<String> refused = get(client, base + "services/demo-offices/offices");
            assertEquals("Закрыто", ItSupport.JSON.readTree(refused.body()).get("detail").asText());
        }
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Trusts the certificate the first start generated (and the second start must reuse). */
    private static HttpClient client(Path dataDir) throws Exception {
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dataDir.resolve("tls/keystore.p12"))) {
            keystore.load(in, Files.readString(dataDir.resolve("tls/keystore.password")).trim().toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("qyzmet", keystore.getCertificate("qyzmet"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext ssl = SSLContext.getInstance("TLSv1.3");
        ssl.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static void deleteRecursively(Path directory) throws Exception {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
