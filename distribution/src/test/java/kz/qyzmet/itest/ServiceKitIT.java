package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import javax.inject.Inject;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.audit.api.AuditRecord;
import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.instructions.api.Instructions;
import kz.qyzmet.instructions.api.Outcome;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.servicekit.api.Confirmed;
import kz.qyzmet.servicekit.api.Draft;
import kz.qyzmet.servicekit.api.MaxLength;
import kz.qyzmet.servicekit.api.RequestContext;
import kz.qyzmet.servicekit.api.Required;
import kz.qyzmet.servicekit.api.ServiceHandler;

/**
 * The service kit (issue #12) on a real MariaDB in a real OSGi framework: a
 * service that declares only its metadata, request record, summary and handler
 * gets the same request endpoints as every other; bad requests are refused
 * naming the field; a request that cannot proceed leaves nothing behind; the
 * declared assurance holds for the service's own endpoints, which check
 * nothing themselves; the record of a confirmation keeps the caller's address
 * and correlation id.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ServiceKitIT {
    private static final String PASSWORD = "Steppe-Strong-2026";
    private static final String GREETING = "it-kit-greeting";
    private static final AtomicReference<Confirmed<Greeting>> EXECUTED = new AtomicReference<>();
    private static boolean registered;
    private static int clients;

    @Inject
    BundleContext context;

    private ItSupport platform;

    /** The request of the test service: what a product team writes. */
    public record Greeting(@Required String text, @MaxLength(10) String name, Integer copies) {
    }

    /** A service written on the kit and nothing else. */
    public static final class GreetingService implements ServiceHandler<Greeting> {
        @Override
        public Class<Greeting> requestType() {
            return Greeting.class;
        }

        @Override
        public Draft<Greeting> draft(Greeting request, RequestContext context) {
            String name = request.name() == null ? context.clientId() : request.name();
            int copies = request.copies() == null ? 1 : request.copies();
            return new Draft<>("greeting", null, new Greeting(request.text().strip(), name, copies), LocalizedText.of(
                    "Сәлем: " + request.text(), "Привет: " + request.text(), "Greeting: " + request.text()));
        }

        @Override
        public Outcome execute(Confirmed<Greeting> confirmed) {
            EXECUTED.set(confirmed);
            return Outcome.executed(List.of());
        }

        @Override
        public Map<String, Object> progress(Instruction instruction) {
            return Map.of("copies", EXECUTED.get() == null ? 0 : EXECUTED.get().request().copies());
        }
    }

    /** A service's own endpoint that checks nothing itself: the platform enforces the declared assurance. */
    @Path("services/it-kit-private")
    @Produces("application/json")
    public static final class PrivateEndpoints {
        private final kz.qyzmet.servicekit.api.RequestContexts contexts;

        PrivateEndpoints(kz.qyzmet.servicekit.api.RequestContexts contexts) {
            this.contexts = contexts;
        }

        /** Reads who asks through the kit's request context: no servlet API. */
        @GET
        @Path("secret")
        public Map<String, Object> secret() {
            kz.qyzmet.servicekit.api.RequestContext context = contexts.current();
            return Map.of("secret", "42", "client", context.clientId(), "language", context.language().tag(),
                    "correlation", context.caller().correlationId());
        }

        @POST
        @Path("secret")
        public Map<String, Object> write() {
            return Map.of("written", true);
        }
    }

    @Configuration
    public Option[] configuration() throws Exception {
        return ItPlatform.options("servicekit", List.of("qyzmet-default"), Map.of());
    }

    @Before
    public void setUp() throws Exception {
        platform = new ItSupport(context);
        synchronized (ServiceKitIT.class) {
            if (!registered) {
                context.registerService(ServiceHandler.class, new GreetingService(),
                        descriptor(GREETING, "OPERATION_CONFIRMATION"));
                Hashtable<String, Object> resource = descriptor("it-kit-private", "SECURITY_SESSION");
                resource.put("osgi.jaxrs.resource", true);
                resource.put("osgi.jaxrs.application.select", "(osgi.jaxrs.name=qyzmet)");
                context.registerService(Object.class, new PrivateEndpoints(context.getService(
                        context.getServiceReference(kz.qyzmet.servicekit.api.RequestContexts.class))), resource);
                ItSupport.await(Duration.ofSeconds(20), "the test services are in the catalog", () -> {
                    try {
                        return platform.catalogEntry(GREETING) != null && platform.catalogEntry("it-kit-private") != null
                                && platform.get("services/it-kit-private/secret").statusCode() != 404;
                    } catch (Exception e) {
                        return false;
                    }
                });
                registered = true;
            }
        }
    }

    private static Hashtable<String, Object> descriptor(String id, String assurance) {
        Hashtable<String, Object> descriptor = new Hashtable<>();
        descriptor.put("qyzmet.service.id", id);
        descriptor.put("qyzmet.service.category", "ADDITIONAL");
        descriptor.put("qyzmet.service.assurance", assurance);
        for (String language : new String[] { "kk", "ru", "en" }) {
            descriptor.put("qyzmet.service.title." + language, id + " (" + language + ")");
            descriptor.put("qyzmet.service.description." + language, "Test service " + id + " (" + language + ")");
        }
        return descriptor;
    }

    private ItSupport.ClientSession newClient() throws Exception {
        int n;
        synchronized (ServiceKitIT.class) {
            n = ++clients;
        }
        String clientId = "KIT-" + n + "-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        // letters only after the number: a random digit run could share three characters with the password (§41)
        String letters = UUID.randomUUID().toString().replaceAll("[^a-f]", "") + "abcd";
        return platform.onboardClient(clientId, "kit" + n + "x" + letters.substring(0, 4),
                "+77018" + String.format("%06d", n), PASSWORD);
    }

    private String loginOnlyToken(ItSupport.ClientSession client) throws Exception {
        return ItSupport.json(platform.post("auth/login", "{\"identifier\":\"" + client.login() + "\",\"password\":\""
                + PASSWORD + "\",\"client\":\"app\"}")).get("token").asText();
    }

    private <T> T service(Class<T> type) {
        return context.getService(context.getServiceReference(type));
    }

    @Test
    public void aServiceOnTheKitGetsTheRequestEndpointsAndItsHandlerTheTypedConfirmedRequest() throws Exception {
        ItSupport.ClientSession client = newClient();
        String[] headers = { "Authorization", "Bearer " + client.token(), "Accept-Language", "en",
                "X-Correlation-Id", "kit-it-" + client.clientId() };
        HttpResponse<String> created = platform.post("services/" + GREETING + "/requests",
                "{\"text\":\"  Hello  \",\"copies\":3}", headers);
        assertEquals(created.body(), 201, created.statusCode());
        JsonNode submission = ItSupport.json(created);
        String id = submission.get("instruction").get("id").asText();
        assertEquals("/api/v1/services/" + GREETING + "/requests/" + id, created.headers().firstValue("Location")
                .orElseThrow().replaceFirst("^https://[^/]+", ""));
        assertEquals("AWAITING_CONFIRMATION", submission.get("instruction").get("status").asText());
        assertEquals("the completed request is what the client confirms", "Hello",
                submission.get("instruction").get("parameters").get("text").asText());
        assertEquals(client.clientId(), submission.get("instruction").get("parameters").get("name").asText());
        assertEquals("Greeting:   Hello  ", submission.get("instruction").get("summary").asText());
        String confirmPath = submission.get("confirmation").get("confirm").asText();
        assertEquals("/api/v1/services/" + GREETING + "/requests/" + id + "/confirm", confirmPath);

        JsonNode mine = ItSupport.json(platform.get("services/" + GREETING + "/requests", headers));
        assertEquals(1, mine.get("requests").size());
        assertEquals(id, mine.get("requests").get(0).get("id").asText());
        assertEquals("another service's list does not show it", 0,
                ItSupport.json(platform.get("services/extract/requests", headers)).get("requests").size());

        String challenge = submission.get("confirmation").get("challengeId").asText();
        HttpResponse<String> confirmed = platform.post(confirmPath.replace("/api/v1/", ""), "{\"challengeId\":\""
                + challenge + "\",\"code\":\"" + platform.latestCode(client.identityId()) + "\"}", headers);
        assertEquals(confirmed.body(), 200, confirmed.statusCode());
        assertEquals("EXECUTED", ItSupport.json(confirmed).get("status").asText());
        Confirmed<Greeting> handed = EXECUTED.get();
        assertEquals(new Greeting("Hello", client.clientId(), 3), handed.request());
        assertEquals(id, handed.instruction().id());
        assertEquals(3, ItSupport.json(platform.get("services/" + GREETING + "/requests/" + id, headers))
                .get("progress").get("copies").asInt());

        // the record of the confirmation keeps where it came from (issue #12: it lost address and correlation id)
        AuditJournal journal = service(AuditJournal.class);
        List<AuditRecord> records = new ArrayList<>();
        ItSupport.await(Duration.ofSeconds(10), "the confirmation's record", () -> {
            records.clear();
            records.addAll(journal.findBySubject(challenge, 10));
            return records.stream().anyMatch(record -> record.event().type().equals("auth.confirmation.confirmed"));
        });
        AuditRecord record = records.stream().filter(r -> r.event().type().equals("auth.confirmation.confirmed"))
                .findFirst().orElseThrow();
        assertEquals("kit-it-" + client.clientId(), record.event().correlationId());
        assertFalse(record.event().address().isEmpty());
    }

    @Test
    public void aBadRequestIsRefusedNamingTheFieldInTheClientsLanguage() throws Exception {
        ItSupport.ClientSession client = newClient();
        String path = "services/" + GREETING + "/requests";
        HttpResponse<String> missing = platform.post(path, "{\"name\":\"Aru\"}", client.bearer("kk"));
        assertEquals(400, missing.statusCode());
        assertEquals("text", ItSupport.json(missing).get("field").asText());
        assertEquals("kk", ItSupport.json(missing).get("language").asText());
        assertTrue(ItSupport.json(missing).get("detail").asText().contains("міндетті"));
        HttpResponse<String> blank = platform.post(path, "{\"text\":\"   \"}", client.bearer("ru"));
        assertEquals("text", ItSupport.json(blank).get("field").asText());
        HttpResponse<String> tooLong = platform.post(path, "{\"text\":\"hi\",\"name\":\"Abcdefghijk\"}", client.bearer("en"));
        assertEquals(400, tooLong.statusCode());
        assertEquals("name", ItSupport.json(tooLong).get("field").asText());
        HttpResponse<String> unknown = platform.post(path, "{\"text\":\"hi\",\"amount\":\"1\"}", client.bearer("en"));
        assertEquals(400, unknown.statusCode());
        assertEquals("amount", ItSupport.json(unknown).get("field").asText());
        HttpResponse<String> wrongType = platform.post(path, "{\"text\":\"hi\",\"copies\":\"many\"}", client.bearer("en"));
        assertEquals(400, wrongType.statusCode());
        assertEquals("copies", ItSupport.json(wrongType).get("field").asText());
        assertTrue(wrongType.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        HttpResponse<String> twice = platform.post(path, "{\"text\":\"hi\",\"text\":\"bye\"}", client.bearer("en"));
        assertEquals(400, twice.statusCode());
        assertEquals(0, service(Instructions.class).ofClient(client.clientId(), GREETING, 10).size());
        HttpResponse<String> noSuchService = platform.post("services/no-such-service/requests", "{}", client.bearer("en"));
        assertEquals(404, noSuchService.statusCode());
    }

    /** §21: a request that cannot proceed is refused before anything is written, with no DRAFT left behind. */
    @Test
    public void withoutASecuritySessionNothingIsWrittenAndReadingNeedsALogin() throws Exception {
        ItSupport.ClientSession client = newClient();
        String loginOnly = loginOnlyToken(client);
        String path = "services/" + GREETING + "/requests";
        HttpResponse<String> refused = platform.post(path, "{\"text\":\"hi\"}", "Authorization", "Bearer " + loginOnly);
        assertEquals(refused.body(), 403, refused.statusCode());
        assertEquals("https://qyzmet.kz/problems/auth/security-session-required",
                ItSupport.json(refused).get("type").asText());
        assertEquals("no DRAFT residue", 0, service(Instructions.class).ofClient(client.clientId(), 10).size());
        assertEquals("a login session reads its own requests", 200,
                platform.get(path, "Authorization", "Bearer " + loginOnly).statusCode());
        assertEquals(401, platform.get(path).statusCode());
        assertEquals(401, platform.post(path, "{\"text\":\"hi\"}").statusCode());
        HttpResponse<String> staff = platform.get(path, "Authorization", "Bearer " + platform.operatorToken());
        assertEquals("staff have no personal account", 403, staff.statusCode());
    }

    /** The declared assurance holds for a service's own endpoints that check nothing themselves. */
    @Test
    public void aServicesOwnEndpointsCannotBePublicByForgettingACheck() throws Exception {
        ItSupport.ClientSession client = newClient();
        String path = "services/it-kit-private/secret";
        HttpResponse<String> anonymous = platform.get(path);
        assertEquals(anonymous.body(), 401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertEquals(401, platform.post(path, "{}").statusCode());
        HttpResponse<String> loginOnly = platform.get(path, "Authorization", "Bearer " + loginOnlyToken(client));
        assertEquals("a SECURITY_SESSION service needs one for reading too", 403, loginOnly.statusCode());
        HttpResponse<String> secure = platform.get(path, "Authorization", "Bearer " + client.token(), "Accept-Language", "kk",
                "X-Correlation-Id", "own-endpoint-1");
        assertEquals(secure.body(), 200, secure.statusCode());
        assertEquals("42", ItSupport.json(secure).get("secret").asText());
        // the kit's request context reaches the service's own endpoint without the servlet API
        assertEquals(client.clientId(), ItSupport.json(secure).get("client").asText());
        assertEquals("kk", ItSupport.json(secure).get("language").asText());
        assertEquals("own-endpoint-1", ItSupport.json(secure).get("correlation").asText());
    }

    /** Issue #12: a request's progress is pushed as server-sent events until it is final, then the stream ends. */
    @Test
    public void aRequestsProgressIsPushedAsServerSentEventsUntilItIsFinal() throws Exception {
        ItSupport.ClientSession client = newClient();
        HttpResponse<String> created = platform.post("services/" + GREETING + "/requests", "{\"text\":\"events\"}",
                client.bearer("en"));
        assertEquals(created.body(), 201, created.statusCode());
        JsonNode submission = ItSupport.json(created);
        String id = submission.get("instruction").get("id").asText();
        java.util.concurrent.BlockingQueue<String> data = new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.concurrent.CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> stream = platform.client()
                .sendAsync(java.net.http.HttpRequest.newBuilder(platform.uri("services/" + GREETING + "/requests/" + id + "/events"))
                        .header("Authorization", "Bearer " + client.token()).header("Accept", "text/event-stream").GET().build(),
                        HttpResponse.BodyHandlers.ofLines());
        HttpResponse<java.util.stream.Stream<String>> events = stream.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(200, events.statusCode());
        assertTrue(events.headers().firstValue("Content-Type").orElseThrow().startsWith("text/event-stream"));
        Thread reader = new Thread(() -> events.body().filter(line -> line.startsWith("data:")).forEach(data::add));
        reader.start();
        String first = data.poll(10, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(first, first != null && first.contains("\"status\":\"AWAITING_CONFIRMATION\""));
        HttpResponse<String> confirmed = platform.post("services/" + GREETING + "/requests/" + id + "/confirm",
                "{\"challengeId\":\"" + submission.get("confirmation").get("challengeId").asText() + "\",\"code\":\""
                        + platform.latestCode(client.identityId()) + "\"}", client.bearer("en"));
        assertEquals(confirmed.body(), 200, confirmed.statusCode());
        String last = first;
        while (!last.contains("\"status\":\"EXECUTED\"")) {
            last = data.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue("an event with the final status arrives", last != null);
        }
        reader.join(10_000);
        assertFalse("the stream ends after the final status", reader.isAlive());
        assertEquals(401, platform.get("services/" + GREETING + "/requests/" + id + "/events").statusCode());
    }
}
