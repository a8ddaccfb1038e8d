package kz.qyzmet.launcher;

import java.io.InputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * {@code java -jar qyzmet.jar verify-audit}: asks the running platform on this
 * data directory to verify the audit journal's hash chain and its second store
 * (rules §32, §33) and prints the answer. For cron and monitoring:
 * exit 0 = intact, 1 = tampering or divergence found, 2 = could not verify.
 */
public final class VerifyAuditCommand {
    public static final int INTACT = 0;
    public static final int TAMPERED = 1;
    public static final int FAILED = 2;

    private VerifyAuditCommand() {
    }

    public static int run(Settings settings, PrintStream out) {
        // a bearer token of an operator session (POST /api/v1/auth/login with "client":"app", then the code)
        String key = settings.get("qyzmet.operator.token");
        if (key == null || key.isBlank()) {
            out.println("qyzmet verify-audit: set QYZMET_OPERATOR_TOKEN to the bearer token of an operator session");
            return FAILED;
        }
        String url = "https://localhost:" + settings.get(Settings.HTTPS_PORT) + "/api/v1/operator/audit/verification";
        try {
            HttpClient client = HttpClient.newBuilder().sslContext(trust(settings)).connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + key).header("Accept-Language", "en")
                    .timeout(Duration.ofMinutes(30)).build(), HttpResponse.BodyHandlers.ofString());
            out.println(answer.body());
            if (answer.statusCode() != 200) {
                return FAILED;
            }
            return answer.body().contains("\"intact\":true") ? INTACT : TAMPERED;
        } catch (ConnectException e) {
            out.println("qyzmet verify-audit: no platform answers at " + url + " (is it running?)");
            return FAILED;
        } catch (Exception e) {
            out.println("qyzmet verify-audit: " + e);
            return FAILED;
        }
    }

    /** Trusts the platform's own certificate (the generated one, or the configured keystore). */
    private static SSLContext trust(Settings settings) throws Exception {
        Path file;
        String password;
        String type = "PKCS12";
        if (settings.has(Settings.HTTPS_KEYSTORE)) {
            file = settings.path(Settings.HTTPS_KEYSTORE);
            password = settings.get(Settings.HTTPS_KEYSTORE_PASSWORD);
            type = settings.has(Settings.HTTPS_KEYSTORE_TYPE) ? settings.get(Settings.HTTPS_KEYSTORE_TYPE) : type;
        } else {
            Path tls = settings.path(Settings.DATA_DIR).resolve("tls");
            file = tls.resolve("keystore.p12");
            password = Files.readString(tls.resolve("keystore.password")).trim();
        }
        KeyStore keystore = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(file)) {
            keystore.load(in, password.toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("qyzmet", keystore.getCertificate(TlsKeystore.ALIAS));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext ssl = SSLContext.getInstance("TLSv1.3");
        ssl.init(null, factory.getTrustManagers(), null);
        return ssl;
    }
}
