package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.inject.Inject;
import javax.ws.rs.HttpMethod;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/openapi.json} on a real platform: it lists exactly the
 * endpoints the JAX-RS resources registered right now declare (compared with
 * an independent reading of their annotations), with request bodies, the
 * problem answer and the security schemes; a service bundle installed at
 * runtime appears in it and leaves it when uninstalled.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OpenApiIT {
    private static final String RESOURCE_FILTER = "(&(osgi.jaxrs.resource=true)(osgi.jaxrs.application.select=\\(osgi.jaxrs.name=qyzmet\\)))";
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    @Inject
    BundleContext context;

    private ItSupport platform;

    @Configuration
    public Option[] configuration() throws Exception {
        return ItPlatform.options("openapi", List.of("qyzmet-default"), Map.of());
    }

    @Before
    public void platformAnswers() throws Exception {
        platform = new ItSupport(context);
        ItSupport.awaitChecked(Duration.ofSeconds(30), "openapi.json answers",
                () -> platform.get("openapi.json").statusCode() == 200);
    }

    @Test
    public void documentCoversEveryEndpointOfEveryRegisteredResource() throws Exception {
        HttpResponse<String> answer = platform.get("openapi.json");
        assertEquals(200, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode document = ItSupport.json(answer);
        assertTrue(document.get("openapi").asText().startsWith("3."));
        assertEquals("/api/v1", document.get("servers").get(0).get("url").asText());

        Set<String> declared = declaredEndpoints();
        Set<String> documented = documentedEndpoints(document);
        assertTrue("the platform has its auth, ledger, clients, audit and registry endpoints: " + declared,
                declared.size() > 40 && declared.contains("POST /auth/login")
                        && declared.contains("GET /operator/audit/verification"));
        assertEquals("every endpoint of every resource, and nothing else", declared, documented);

        JsonNode login = document.get("paths").get("/auth/login").get("post");
        assertEquals("auth", login.get("tags").get(0).asText());
        String bodySchema = login.get("requestBody").get("content").get("application/json").get("schema").get("$ref").asText();
        JsonNode loginSchema = document.get("components").get("schemas").get(bodySchema.substring(bodySchema.lastIndexOf('/') + 1));
        assertNotNull("the login body is described from its Java record", loginSchema.get("properties").get("password"));
        assertEquals("#/components/schemas/Problem",
                login.get("responses").get("default").get("content").get("application/problem+json").get("schema").get("$ref").asText());
        assertNotNull(document.get("components").get("securitySchemes").get("bearer"));
        assertEquals("__Host-qyzmet-session", document.get("components").get("securitySchemes").get("cookie").get("name").asText());
        assertEquals("operator/ledger",
                document.get("paths").get("/operator/ledger/accounts").get("post").get("tags").get(0).asText());
    }

    /**
     * Issue #12: every operation says what it answers — a status of its own (not
     * "some 2xx"), with the body's schema, or no body (204, 304) — and its id is
     * unique; a generated client gets a typed result from each (OpenApiClientIT).
     */
    @Test
    public void everyOperationDeclaresItsAnswerAndAUniqueId() throws Exception {
        JsonNode document = ItSupport.json(platform.get("openapi.json"));
        Set<String> ids = new TreeSet<>();
        List<String> vague = new java.util.ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext();) {
                Map.Entry<String, JsonNode> operation = operations.next();
                if (!HTTP_METHODS.contains(operation.getKey().toUpperCase(Locale.ROOT))) {
                    continue;
                }
                String name = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                assertTrue("unique operationId: " + name, ids.add(operation.getValue().get("operationId").asText()));
                boolean answered = false;
                for (Iterator<Map.Entry<String, JsonNode>> responses = operation.getValue().get("responses").fields(); responses
                        .hasNext();) {
                    Map.Entry<String, JsonNode> response = responses.next();
                    String status = response.getKey();
                    if (status.equals("default")) {
                        continue;
                    }
                    boolean withBody = response.getValue().has("content") && response.getValue().get("content").elements().hasNext()
                            && response.getValue().get("content").elements().next().has("schema");
                    answered |= status.matches("[1-5][0-9][0-9]") && (withBody || status.equals("204") || status.equals("304"));
                }
                if (!answered) {
                    vague.add(name);
                }
            }
        }
        assertTrue("operations that do not say what they answer: " + vague, vague.isEmpty());
        // what may be null says so; what never is (a primitive) does not
        JsonNode entry = document.get("components").get("schemas").get("Entry").get("properties");
        assertTrue("Entry.reverses (Long) is nullable: " + entry, entry.get("reverses").path("nullable").asBoolean());
        assertFalse("Entry.id (long) is never null: " + entry, entry.get("id").path("nullable").asBoolean());
        JsonNode login = document.get("components").get("schemas").get("LoginAnswer").get("properties");
        assertTrue("the app's token or the web's CSRF token is null: " + login, login.get("csrfToken").path("nullable").asBoolean());
    }

    @Test
    public void aServiceBundleInstalledAtRuntimeAppearsAndLeaves() throws Exception {
        assertFalse(documentedEndpoints(ItSupport.json(platform.get("openapi.json"))).contains("GET /services/demo-offices/offices"));
        Bundle demo = context.installBundle(Path.of(System.getProperty("qyzmet.demo.bundle")).toUri().toString());
        try {
            demo.start();
            ItSupport.awaitChecked(Duration.ofSeconds(10), "the demo service is documented",
                    () -> documentedEndpoints(ItSupport.json(platform.get("openapi.json")))
                            .contains("GET /services/demo-offices/offices"));
            assertEquals(declaredEndpoints(), documentedEndpoints(ItSupport.json(platform.get("openapi.json"))));
        } finally {
            demo.uninstall();
        }
        ItSupport.awaitChecked(Duration.ofSeconds(10), "the demo service leaves the document",
                () -> !documentedEndpoints(ItSupport.json(platform.get("openapi.json")))
                        .contains("GET /services/demo-offices/offices"));
    }

    private static Set<String> documentedEndpoints(JsonNode document) {
        Set<String> endpoints = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (HTTP_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
                    endpoints.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        return endpoints;
    }

    /** What the resources declare, read from their JAX-RS annotations independently of swagger-core. */
    private Set<String> declaredEndpoints() throws Exception {
        Set<String> endpoints = new TreeSet<>();
        for (ServiceReference<?> reference : context.getServiceReferences((String) null, RESOURCE_FILTER)) {
            Object resource = context.getService(reference);
            try {
                Class<?> type = resource.getClass();
                String base = pathOf(type.getAnnotation(javax.ws.rs.Path.class));
                for (Method method : type.getMethods()) {
                    for (Annotation annotation : method.getAnnotations()) {
                        HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
                        if (http != null) {
                            String sub = pathOf(method.getAnnotation(javax.ws.rs.Path.class));
                            String path = "/" + base + (sub.isEmpty() ? "" : "/" + sub);
                            endpoints.add(http.value() + " " + path.replaceAll("/+$", "").replaceAll("^$", "/"));
                        }
                    }
                }
            } finally {
                context.ungetService(reference);
            }
        }
        // the service kit's shared endpoints are documented once per service on the kit (issue #12)
        Set<String> kit = new TreeSet<>();
        for (ServiceReference<?> handler : context.getServiceReferences(kz.qyzmet.servicekit.api.ServiceHandler.class.getName(),
                null)) {
            kit.add(String.valueOf(handler.getProperty("qyzmet.service.id")));
        }
        Set<String> expanded = new TreeSet<>();
        for (String endpoint : endpoints) {
            if (endpoint.contains("/services/{service}/requests")) {
                kit.forEach(id -> expanded.add(endpoint.replace("{service}", id)));
            } else {
                expanded.add(endpoint);
            }
        }
        return expanded;
    }

    /** A JAX-RS path without surrounding slashes and without regular expressions in its templates. */
    private static String pathOf(javax.ws.rs.Path path) {
        if (path == null) {
            return "";
        }
        return path.value().replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("^/+|/+$", "");
    }
}
