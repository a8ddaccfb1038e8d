package kz.qyzmet.itest;

import static org.junit.Assert.fail;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.qyzmet.auth.api.OtpChannel;
import kz.qyzmet.auth.api.OtpMessage;

/**
 * Probe side of the integration tests: an HTTPS client that trusts exactly the
 * platform's generated certificate and speaks TLS 1.3, JSON reading, and a
 * bounded wait for things the platform does asynchronously (a bundle's services
 * appearing, another node's change arriving).
 */
public final class ItSupport {
    /** The first administrator every test platform starts with (settings {@code qyzmet.auth.admin*}). */
    public static final String ADMIN_LOGIN = "admin";
    public static final String ADMIN_PASSWORD = "It-Admin-Пароль-2026";
    public static final String ADMIN_PHONE = "+77000000001";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("^([0-9]{6})");

    private final BundleContext context;
    private final HttpClient client;
    private final String base;
    /** Per framework: Pax Exam gives each test class a framework of its own, with a fresh probe bundle. */
    private static final List<OtpMessage> messages = new CopyOnWriteArrayList<>();
    private static boolean channelRegistered;
    private static String operatorToken;

    public ItSupport(BundleContext context) throws Exception {
        this.context = context;
        this.client = HttpClient.newBuilder().sslContext(trustPlatform(context)).sslParameters(tls13())
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.base = "https://localhost:" + context.getProperty("org.osgi.service.http.port.secure") + "/api/v1/";
        awaitReady();
        synchronized (ItSupport.class) {
            if (!channelRegistered) {
                // a gateway of our own, ranked above the platform's outbox: the test reads the codes it "sends"
                Hashtable<String, Object> properties = new Hashtable<>();
                properties.put(OtpChannel.CHANNEL_PROPERTY, new String[] { OtpChannel.SMS, OtpChannel.PUSH, OtpChannel.EMAIL });
                properties.put(Constants.SERVICE_RANKING, 1000);
                context.registerService(OtpChannel.class, messages::add, properties);
                channelRegistered = true;
            }
        }
    }

    /** The platform answers only once it is ready (issue #11, item 15): every test starts there. */
    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> ready = get("health/ready");
                if (ready.statusCode() == 200) {
                    return;
                }
                last = ready.body();
            } catch (java.io.IOException notListening) {
                last = notListening.toString();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the platform did not become ready: " + last);
    }

    /** Forgets the administrator's session (after a test moved the clock past its end, say). */
    public static synchronized void forgetOperatorSession() {
        operatorToken = null;
    }

    /** The code in the latest message to that recipient (phone, e-mail, or identity id for push). */
    public String latestCode(String recipient) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            OtpMessage message = messages.get(i);
            if (message.recipient().equals(recipient)) {
                Matcher code = CODE.matcher(message.text());
                if (code.find()) {
                    return code.group(1);
                }
            }
        }
        throw new AssertionError("no code was sent to " + recipient);
    }

    public List<OtpMessage> messagesTo(String recipient) {
        return messages.stream().filter(message -> message.recipient().equals(recipient)).toList();
    }

    /** Logs in as the administrator: password, then the code sent to its phone; the bearer token. */
    public String operatorToken() throws Exception {
        synchronized (ItSupport.class) {
            if (operatorToken != null) {
                return operatorToken;
            }
            HttpResponse<String> login = post("auth/login", "{\"identifier\":\"" + ADMIN_LOGIN + "\",\"password\":\""
                    + ADMIN_PASSWORD + "\",\"client\":\"app\"}");
            if (login.statusCode() != 200) {
                throw new AssertionError("administrator login: " + login.body());
            }
            String token = json(login).get("token").asText();
            HttpResponse<String> second = post("auth/login/second-factor",
                    "{\"code\":\"" + latestCode(ADMIN_PHONE) + "\"}", "Authorization", "Bearer " + token);
            if (second.statusCode() != 200) {
                throw new AssertionError("administrator second factor: " + second.body());
            }
            // the session's token is new with its second factor (the one from the login holds nothing now)
            operatorToken = json(second).get("token").asText();
        }
        return operatorToken;
    }

    public HttpResponse<String> post(String path, String json, String... headers) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"), headers);
    }

    static SSLParameters tls13() {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] { "TLSv1.3" });
        return parameters;
    }

    /** Trusts the certificate in the platform's keystore and nothing else. */
    static SSLContext trustPlatform(BundleContext context) throws Exception {
        return trustKeystore(Path.of(context.getProperty("org.apache.felix.https.keystore")),
                context.getProperty("org.apache.felix.https.keystore.password"),
                context.getProperty("org.apache.felix.https.keystore.type"));
    }

    /** Trusts the platform certificate held in that keystore, and nothing else. */
    static SSLContext trustKeystore(Path file, String password, String type) throws Exception {
        KeyStore keystore = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(file)) {
            keystore.load(in, password.toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("qyzmet", keystore.getCertificate("qyzmet"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext ssl = SSLContext.getInstance("TLSv1.3");
        ssl.init(null, trust.getTrustManagers(), null);
        return ssl;
    }

    /** A download: the bytes exactly as they came. */
    public HttpResponse<byte[]> getBytes(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** An upload of raw bytes, e.g. a document to verify. */
    public HttpResponse<String> postBytes(String path, byte[] body, String contentType, String... headers) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType), headers);
    }

    /** Problem types are {@code <base><slug>}. */
    public static final String PROBLEM_TYPE_BASE = "https://qyzmet.kz/problems/";

    /** The URI of an API path. */
    public URI uri(String path) {
        return URI.create(base + path);
    }

    /** A path outside {@code /api/v1}, e.g. {@code /}. */
    public HttpResponse<String> getOutsideApi(String absolutePath, String... headers) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base.substring(0, base.indexOf("/api/v1/")) + absolutePath)).GET(), headers);
    }

    public HttpResponse<String> get(String path, String... headers) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
    }

    public HttpResponse<String> put(String path, String json, String... headers) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).PUT(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"), headers);
    }

    public HttpResponse<String> operatorPost(String path, String json, String... headers) throws Exception {
        return post(path, json, withOperator(headers));
    }

    public HttpResponse<String> operatorPut(String path, String json, String... headers) throws Exception {
        return put(path, json, withOperator(headers));
    }

    public HttpResponse<String> operatorGet(String path, String... headers) throws Exception {
        return get(path, withOperator(headers));
    }

    String[] withOperator(String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + operatorToken();
        System.arraycopy(headers, 0, all, 2, headers.length);
        return all;
    }

    public HttpResponse<String> send(HttpRequest.Builder request, String... headers) throws Exception {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Keeps a PDF the platform issued, one per document kind, for {@link DocumentConformanceCheck}, which runs
     * veraPDF (PDF/A-2a, PDF/UA-1) on every kind after the ITs, outside the framework (issue #13).
     */
    public static void keepIssuedPdf(String kind, byte[] pdf) throws java.io.IOException {
        java.nio.file.Path directory = java.nio.file.Path.of(System.getProperty("qyzmet.it.target"), DocumentConformanceCheck.DIRECTORY);
        java.nio.file.Files.createDirectories(directory);
        java.nio.file.Files.write(directory.resolve(kind + ".pdf"), pdf);
    }

    public static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    /** Catalog entry of a service, or null when the catalog does not list it. */
    public JsonNode catalogEntry(String id) throws Exception {
        for (JsonNode service : json(get("catalog")).get("services")) {
            if (service.get("id").asText().equals(id)) {
                return service;
            }
        }
        return null;
    }

    /**
     * Waits until {@code condition} holds, checking every 20 ms, and fails after
     * {@code limit}. Only for effects that are asynchronous by nature (service
     * registration, file-system polling, another node's poll); time-dependent
     * logic is tested by moving a Clock instead.
     *
     * @return how long it took
     */
    public static Duration await(Duration limit, String what, BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + limit.toMillis() + " ms: " + what);
            }
            Thread.sleep(20);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Like {@link #await} for conditions that may throw. */
    public static Duration awaitChecked(Duration limit, String what, CheckedCondition condition) throws InterruptedException {
        return await(limit, what, () -> {
            try {
                return condition.holds();
            } catch (Exception e) {
                return false;
            }
        });
    }

    @FunctionalInterface
    public interface CheckedCondition {
        boolean holds() throws Exception;
    }

    /**
     * The database's administrator, for tests that tamper with what the platform's
     * accounts may not touch (dropping triggers, editing the journal).
     *
     * @param schemaSuffix appended to the platform's schema, e.g. {@code _audit_store}
     */
    public static javax.sql.DataSource administrator(BundleContext context, String schemaSuffix) throws Exception {
        org.mariadb.jdbc.MariaDbDataSource administrator = new org.mariadb.jdbc.MariaDbDataSource(
                context.getProperty("qyzmet.it.db.url") + schemaSuffix);
        administrator.setUser("root");
        administrator.setPassword(context.getProperty("qyzmet.it.db.password"));
        return administrator;
    }

    /** The HTTPS client that trusts the platform's certificate, for streams the helpers above do not read. */
    public HttpClient client() {
        return client;
    }

    public BundleContext context() {
        return context;
    }

    /** A client in a security session of the app (§35.1): bearer token, and the identity push codes go to. */
    public record ClientSession(String clientId, String identityId, String login, String phone, String token) {
        public String[] bearer(String language) {
            return new String[] { "Authorization", "Bearer " + token, "Accept-Language", language };
        }
    }

    /** Onboards a client as the back office does (§12, §14) and opens a security session with an SMS code and biometrics. */
    public ClientSession onboardClient(String clientId, String login, String phone, String password) throws Exception {
        HttpResponse<String> created = operatorPost("operator/identities", "{\"login\":\"" + login + "\",\"phone\":\"" + phone
                + "\",\"clientId\":\"" + clientId + "\",\"displayName\":\"Әсел Жұмабаева\",\"language\":\"kk\"}");
        if (created.statusCode() != 201) {
            throw new AssertionError("identity of " + login + ": " + created.body());
        }
        String identityId = json(created).get("id").asText();
        HttpResponse<String> activated = post("auth/activation", "{\"identifier\":\"" + login + "\",\"code\":\""
                + latestCode(phone) + "\",\"newPassword\":\"" + password + "\"}");
        if (activated.statusCode() != 204) {
            throw new AssertionError("activation of " + login + ": " + activated.body());
        }
        HttpResponse<String> login1 = post("auth/login", "{\"identifier\":\"" + login + "\",\"password\":\"" + password
                + "\",\"client\":\"app\"}");
        String token = json(login1).get("token").asText();
        String[] bearer = { "Authorization", "Bearer " + token };
        post("auth/security-session/code", "{\"channel\":\"sms\"}", bearer);
        HttpResponse<String> security = post("auth/security-session", "{\"code\":\"" + latestCode(phone)
                + "\",\"biometrics\":true}", bearer);
        if (security.statusCode() != 200) {
            throw new AssertionError("security session of " + login + ": " + security.body());
        }
        return new ClientSession(clientId, identityId, login, phone, json(security).get("token").asText());
    }

    private static final java.util.concurrent.atomic.AtomicInteger CLIENTS = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A new client in a security session with a personal account of their own
     * (named as the client), its id {@code prefix} and a unique tail; phones
     * {@code phonePrefix} and six digits (a prefix per test class keeps them apart).
     */
    public ClientSession newClientWithAccount(String prefix, String phonePrefix) throws Exception {
        int n = CLIENTS.incrementAndGet();
        String id = prefix + "-" + n + "-" + java.util.UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        String letters = java.util.UUID.randomUUID().toString().replaceAll("[^a-f]", "") + "abcd";
        ClientSession session = onboardClient(id, prefix.toLowerCase().replaceAll("[^a-z]", "") + n + "x"
                + letters.substring(0, 4), phonePrefix + String.format("%06d", n), "Steppe-Strong-2026");
        kz.qyzmet.ledger.api.Ledger ledger = context.getService(context.getServiceReference(kz.qyzmet.ledger.api.Ledger.class));
        ledger.openAccount(id, kz.qyzmet.ledger.api.AccountType.CLIENT, id, prefix + " IT " + n);
        return session;
    }

    /**
     * A new client with a record in the clients core (a valid IIN, a name, the
     * bank account {@code iban} at Halyk Bank) and a personal account named as the
     * client, in a security session; phones {@code phonePrefix} and six digits.
     */
    public ClientSession newClientWithRecord(String phonePrefix, String iban) throws Exception {
        int n = CLIENTS.incrementAndGet();
        String eleven = String.format("9001013%04d", n);
        String phone = phonePrefix + String.format("%06d", n);
        kz.qyzmet.clients.api.ClientRecords records = context.getService(context.getServiceReference(
                kz.qyzmet.clients.api.ClientRecords.class));
        String id = records.create(new kz.qyzmet.clients.api.ClientData(kz.qyzmet.clients.api.ClientKind.INDIVIDUAL, eleven
                + iinCheckDigit(eleven), "Әсел Жұмабаева " + n, phone, null, null, null, null, null, "Halyk Bank", "HSBKKZKX",
                iban, null, "KZ", false, null), "it").id();
        String letters = java.util.UUID.randomUUID().toString().replaceAll("[^a-f]", "") + "abcd";
        ClientSession session = onboardClient(id, "rec" + n + "x" + letters.substring(0, 4), phone, "Steppe-Strong-2026");
        context.getService(context.getServiceReference(kz.qyzmet.ledger.api.Ledger.class)).openAccount(id,
                kz.qyzmet.ledger.api.AccountType.CLIENT, id, "IT client " + n);
        return session;
    }

    /** The IIN's control digit: weights 1..11, or 3..11, 1, 2 when the first sum leaves 10. */
    static int iinCheckDigit(String eleven) {
        int first = weightedIin(eleven, 1);
        return first != 10 ? first : weightedIin(eleven, 3);
    }

    private static int weightedIin(String digits, int firstWeight) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (digits.charAt(i) - '0') * ((firstWeight - 1 + i) % 11 + 1);
        }
        return sum % 11;
    }

    /**
     * Asks for a request of a service on the kit and confirms it with the code
     * sent for it (§25.2); the instruction's id once its status is {@code status}.
     */
    public String requestConfirmed(String service, String body, ClientSession client, String status) throws Exception {
        HttpResponse<String> created = post("services/" + service + "/requests", body, client.bearer("en"));
        if (created.statusCode() != 201) {
            throw new AssertionError("request of " + service + ": " + created.body());
        }
        JsonNode submission = json(created);
        HttpResponse<String> confirmed = post(submission.get("confirmation").get("confirm").asText().replace("/api/v1/", ""),
                "{\"challengeId\":\"" + submission.get("confirmation").get("challengeId").asText() + "\",\"code\":\""
                        + latestCode(client.identityId()) + "\"}", client.bearer("en"));
        if (confirmed.statusCode() != 200 || !status.equals(json(confirmed).get("status").asText())) {
            throw new AssertionError("confirmation of " + service + ", expected " + status + ": " + confirmed.body());
        }
        return submission.get("instruction").get("id").asText();
    }

    /**
     * A Clock service ranked above the platform's: the tests move time by setting
     * {@code now}, never by sleeping. Components that take the clock greedily follow it.
     */
    public static void registerClock(BundleContext context, java.util.concurrent.atomic.AtomicReference<java.time.Instant> now) {
        Hashtable<String, Object> ranking = new Hashtable<>();
        ranking.put(Constants.SERVICE_RANKING, 100);
        context.registerService(java.time.Clock.class, new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return now.get();
            }
        }, ranking);
    }
}
