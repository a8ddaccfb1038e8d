package kz.qyzmet.itest;

import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import javax.inject.Inject;

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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Issue #11: a fuzzer of our own, driven by {@code /api/v1/openapi.json}. Every
 * operation the platform documents gets bodies built from its schema and then
 * broken (wrong types, huge and exponent numbers, hidden characters, missing and
 * unknown fields, fields given twice, garbage), odd path and query values, as an
 * anonymous caller, a client in a security session and an administrator, each in
 * a random language. Fixed seed, bounded count. Whatever it sends: never a 5xx,
 * every refusal is problem+json in the language asked, and no answer names a
 * Java class.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FuzzIT {
    private static final long SEED = 20261201L;
    private static final int CASES_PER_OPERATION = 6;
    /** What would end the fuzzer's own sessions or lock its identities: exercised by the other ITs. */
    private static final Set<String> SPARED = Set.of("/auth/logout", "/auth/suspension", "/auth/password");
    private static final Pattern JAVA_NAMES = Pattern.compile(
            "(?:java|javax|jakarta|kz\\.qyzmet|org\\.apache|org\\.eclipse|com\\.fasterxml|org\\.mariadb|org\\.mybatis)\\.[a-z]+\\.[A-Za-z]|Exception\\b|\\.java:\\d");
    private static final String[] LANGUAGES = { "kk", "ru", "en" };
    private static final String[] ODD_TEXT = { "", " ", "0", "-1", "99999999999999999999", "1e999999999", "NaN", "null",
            "true", "%25", "..%2F..%2Fetc%2Fpasswd", "' OR '1'='1", "<script>x</script>", "ә\u202Eб", "\u0000", "a".repeat(300),
            "2026-13-45", "9999-12-31T23:59:59Z", "extract", "DEMO-0001", "\uD83D\uDE00" };

    @Inject
    BundleContext context;

    private ItSupport platform;
    private final Random random = new Random(SEED);
    private final JsonNodeFactory json = JsonNodeFactory.instance;

    @Configuration
    public Option[] configuration() throws Exception {
        return ItPlatform.options("fuzz", List.of("qyzmet-default"), Map.of());
    }

    @Before
    public void platformAnswers() throws Exception {
        platform = new ItSupport(context);
        ItSupport.awaitChecked(Duration.ofSeconds(30), "catalog answers", () -> platform.get("catalog").statusCode() == 200);
    }

    @Test
    public void noInputMakesThePlatformFailOrTalkJava() throws Exception {
        JsonNode api = ItSupport.json(platform.get("openapi.json"));
        ItSupport.ClientSession client = platform.onboardClient("FUZZ-0001", "fuzzclient", "+77015550001", "Steppe-Strong-2026");
        String[][] callers = { {}, { "Authorization", "Bearer " + client.token() },
                { "Authorization", "Bearer " + platform.operatorToken() } };
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (SPARED.contains(path.getKey())) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext();) {
                Map.Entry<String, JsonNode> operation = operations.next();
                for (int i = 0; i < CASES_PER_OPERATION; i++) {
                    String[] caller = callers[i % callers.length];
                    String language = LANGUAGES[random.nextInt(LANGUAGES.length)];
                    String target = fill(path.getKey(), operation.getValue()).substring(1);
                    String body = body(api, operation.getValue());
                    HttpResponse<String> answer;
                    try {
                        answer = send(operation.getKey(), target, body, caller, language);
                    } catch (java.io.IOException closed) {
                        // the server may close a connection after refusing a request (400 Connection: close):
                        // the client's next request on it fails before it is sent; once more on a fresh one
                        answer = send(operation.getKey(), target, body, caller, language);
                    }
                    sent++;
                    String problem = judge(answer, language);
                    if (problem != null) {
                        failures.add(operation.getKey().toUpperCase() + " " + target + " " + abbreviate(body) + " → "
                                + answer.statusCode() + ": " + problem + " " + abbreviate(answer.body()));
                    }
                }
            }
        }
        assertTrue(sent + " requests sent", sent > 300);
        assertTrue(failures.size() + " of " + sent + " requests:\n" + String.join("\n", failures.subList(0,
                Math.min(20, failures.size()))), failures.isEmpty());
    }

    private HttpResponse<String> send(String method, String path, String body, String[] caller, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(platform.uri(path)).header("Accept-Language", language)
                .method(method.toUpperCase(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", random.nextInt(10) == 0 ? "text/plain" : "application/json");
        }
        return platform.send(request, caller);
    }

    /** Null when the answer is acceptable, else what is wrong with it. */
    private static String judge(HttpResponse<String> answer, String language) throws Exception {
        if (answer.statusCode() >= 500) {
            return "a server error";
        }
        if (JAVA_NAMES.matcher(answer.body()).find()) {
            return "names Java internals";
        }
        if (answer.statusCode() >= 400) {
            String type = answer.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                return "not problem+json but " + type;
            }
            JsonNode problem;
            try {
                problem = ItSupport.json(answer);
            } catch (java.io.IOException notJson) {
                return "a problem that is not JSON";
            }
            // a request the HTTP server refuses before reading its headers (an illegal path) has no language:
            // its reason comes in all three (kk / ru / en)
            boolean unread = problem.path("detail").asText().contains(" / The request does not follow HTTP's rules");
            if (!unread && !language.equals(problem.path("language").asText())) {
                return "not in " + language;
            }
            if (problem.path("detail").asText().isBlank() || problem.path("type").asText().isBlank()) {
                return "no type or detail";
            }
        }
        return null;
    }

    /** Path parameters and query parameters with odd values. */
    private String fill(String template, JsonNode operation) {
        StringBuilder path = new StringBuilder(template.replaceAll("\\{[^}]+}", oddSegment()));
        char separator = '?';
        for (JsonNode parameter : operation.path("parameters")) {
            if ("query".equals(parameter.path("in").asText()) && random.nextBoolean()) {
                path.append(separator).append(parameter.path("name").asText()).append('=')
                        .append(URLEncoder.encode(ODD_TEXT[random.nextInt(ODD_TEXT.length)], StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return path.toString();
    }

    private String oddSegment() {
        String text = ODD_TEXT[random.nextInt(ODD_TEXT.length)];
        return text.isBlank() ? "x" : URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String body(JsonNode api, JsonNode operation) {
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        if (schema.isMissingNode() && random.nextInt(3) != 0) {
            return null;
        }
        return switch (random.nextInt(8)) {
        case 0 -> "{\"a\":1,\"a\":2}";
        case 1 -> "not json at all";
        case 2 -> "[" + "[".repeat(500) + "]".repeat(500) + "]";
        case 3 -> "{}";
        default -> generate(api, schema, 0).toString();
        };
    }

    /** A value that mostly fits the schema, with one thing in it broken. */
    private JsonNode generate(JsonNode api, JsonNode schema, int depth) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return generate(api, api.path("components").path("schemas").path(name), depth);
        }
        String type = schema.path("type").asText("object");
        if (depth > 3) {
            return json.nullNode();
        }
        if (random.nextInt(6) == 0) {
            return odd();
        }
        switch (type) {
        case "object": {
            ObjectNode object = json.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext();) {
                Map.Entry<String, JsonNode> property = properties.next();
                if (random.nextInt(5) != 0) {
                    object.set(property.getKey(), generate(api, property.getValue(), depth + 1));
                }
            }
            if (random.nextInt(8) == 0) {
                object.put("unexpected" + random.nextInt(100), "x");
            }
            return object;
        }
        case "array": {
            ArrayNode array = json.arrayNode();
            for (int i = random.nextInt(3); i > 0; i--) {
                array.add(generate(api, schema.path("items"), depth + 1));
            }
            return array;
        }
        case "integer":
            return json.numberNode(random.nextInt(2000) - 1000);
        case "number":
            return json.textNode(String.valueOf(random.nextInt(100_000) / 100.0));
        case "boolean":
            return json.booleanNode(random.nextBoolean());
        default:
            if (schema.has("enum") && random.nextBoolean()) {
                JsonNode values = schema.get("enum");
                return values.get(random.nextInt(values.size()));
            }
            return json.textNode(ODD_TEXT[random.nextInt(ODD_TEXT.length)]);
        }
    }

    private JsonNode odd() {
        return switch (random.nextInt(7)) {
        case 0 -> json.numberNode(new java.math.BigDecimal("1E+308"));
        case 1 -> json.textNode("1e999999999");
        case 2 -> json.numberNode(new java.math.BigInteger("1234567890123456789012345678901234567890"));
        case 3 -> json.arrayNode().add(1).add("x");
        case 4 -> json.objectNode().put("nested", "x");
        case 5 -> json.booleanNode(true);
        default -> json.textNode("ә\u202Eб\u0000");
        };
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }
}
