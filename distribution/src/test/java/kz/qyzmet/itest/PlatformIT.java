package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The platform as a whole: every bundle of the default features is active, the
 * listener speaks TLS 1.3 only with an RSA/SHA-256 certificate (rules §37), the
 * opt-in plain listener exists on the loopback address only, and errors are
 * problem+json in the client's language.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT {
    @Inject
    BundleContext context;

    @Configuration
    public Option[] configuration() throws Exception {
        return ItPlatform.options("platform", List.of("qyzmet-default"),
                Map.of("qyzmet.http.port", String.valueOf(ItPlatform.freePort())));
    }

    private ItSupport platform() throws Exception {
        ItSupport platform = new ItSupport(context);
        ItSupport.awaitChecked(Duration.ofSeconds(30), "catalog answers", () -> platform.get("catalog").statusCode() == 200);
        return platform;
    }

    @Test
    public void everyBundleOfTheDefaultFeaturesIsActive() throws Exception {
        platform();
        List<String> notActive = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            boolean fragment = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (!fragment && bundle.getState() != Bundle.ACTIVE) {
                notActive.add(bundle.getSymbolicName() + " state " + bundle.getState());
            }
        }
        assertEquals(Collections.emptyList(), notActive);
    }

    /** Rules §37: TLS 1.3, RSA certificate signed with SHA-256. */
    @Test
    public void theListenerSpeaksTls13OnlyWithAnRsaSha256Certificate() throws Exception {
        platform();
        int port = Integer.parseInt(context.getProperty("org.osgi.service.http.port.secure"));
        SSLContext trusting = ItSupport.trustPlatform(context);
        try (SSLSocket socket = (SSLSocket) trusting.getSocketFactory().createSocket("localhost", port)) {
            socket.startHandshake();
            assertEquals("TLSv1.3", socket.getSession().getProtocol());
            X509Certificate certificate = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            assertEquals("RSA", certificate.getPublicKey().getAlgorithm());
            assertEquals("SHA256withRSA", certificate.getSigAlgName());
            assertEquals(2048, ((java.security.interfaces.RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength());
        }
        SSLContext tls12 = SSLContext.getInstance("TLSv1.2");
        tls12.init(null, new javax.net.ssl.TrustManager[] { new TrustEverythingForThisProbeOnly() }, null);
        try (SSLSocket socket = (SSLSocket) tls12.getSocketFactory().createSocket("localhost", port)) {
            SSLParameters parameters = new SSLParameters();
            parameters.setProtocols(new String[] { "TLSv1.2" });
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            fail("a TLS 1.2 handshake succeeded");
        } catch (SSLHandshakeException | java.net.SocketException expected) {
            // refused, as rules §37 require
        }
    }

    @Test
    public void thePlainListenerAnswersOnLoopbackOnly() throws Exception {
        platform();
        int port = Integer.parseInt(context.getProperty("qyzmet.http.port"));
        HttpResponse<String> plain = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/catalog")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, plain.statusCode());
        for (InetAddress address : externalAddresses()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port), 2000);
                fail("the plain listener accepted a connection on " + address);
            } catch (ConnectException refused) {
                // only 127.0.0.1 is bound
            }
        }
    }

    private static List<InetAddress> externalAddresses() throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        addresses.add(address);
                    }
                }
            }
        }
        return addresses;
    }

    @Test
    public void errorsAreProblemsInTheClientsLanguage() throws Exception {
        ItSupport platform = platform();
        for (Map.Entry<String, String> language : Map.of("kk", "Табылмады", "ru", "Не найдено", "en", "Not found").entrySet()) {
            HttpResponse<String> missing = platform.get("no/such/resource", "Accept-Language", language.getKey());
            assertEquals(404, missing.statusCode());
            assertEquals("application/problem+json;charset=UTF-8", missing.headers().firstValue("Content-Type").orElse(""));
            JsonNode problem = ItSupport.json(missing);
            assertEquals("https://qyzmet.kz/problems/not-found", problem.get("type").asText());
            assertEquals(language.getValue(), problem.get("title").asText());
            assertEquals(404, problem.get("status").asInt());
            assertTrue(problem.get("instance").asText().startsWith("urn:qyzmet:request:"));
            assertTrue("no stack trace", !missing.body().contains("Exception") && !missing.body().contains("at org."));
        }
        HttpResponse<String> wrongMethod = platform.put("catalog", "{}", "Accept-Language", "en");
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("https://qyzmet.kz/problems/method-not-allowed", ItSupport.json(wrongMethod).get("type").asText());
        HttpResponse<String> correlated = platform.get("catalog", "X-Correlation-Id", "trace-42");
        assertEquals("trace-42", correlated.headers().firstValue("X-Correlation-Id").orElse(""));
    }

    /** Only for the negative TLS 1.2 probe: whether the certificate is trusted does not matter there. */
    static final class TrustEverythingForThisProbeOnly implements javax.net.ssl.X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
