package kz.qyzmet.openapi.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import com.fasterxml.jackson.core.JsonProcessingException;

import kz.qyzmet.rest.api.Api;

/**
 * Turns a set of JAX-RS resource classes into the platform's OpenAPI 3
 * document. swagger-core reads the JAX-RS annotations (paths, methods,
 * parameters, media types) and the Java types of bodies; this class adds what
 * is true of every endpoint of the platform and that no annotation says: the
 * base path, how a caller authenticates, the RFC 9457 problem answered on
 * every refusal (rules §29, §30), and a tag per area so that a reader finds
 * the endpoints of one service together.
 */
final class OpenApiGenerator {
    static final String SESSION_COOKIE = "__Host-qyzmet-session";
    static final String PROBLEM_SCHEMA = "Problem";

    private final String version;

    OpenApiGenerator(String version) {
        this.version = version;
    }

    String json(Collection<Class<?>> resources, Map<String, Class<?>> kitServices) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(generate(resources, kitServices));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the OpenAPI document cannot be written", e);
        }
    }

    OpenAPI generate(Collection<Class<?>> resources) {
        return generate(resources, Map.of());
    }

    /**
     * @param kitServices the services on the service kit, by id, with their request record: the kit's
     *                    shared endpoints are documented once per service, with that record's schema
     */
    OpenAPI generate(Collection<Class<?>> resources, Map<String, Class<?>> kitServices) {
        OpenAPI base = new OpenAPI()
                .info(new Info()
                        .title("Qyzmet API")
                        .version(version)
                        .description(DESCRIPTION)
                        .license(new License().name("Apache-2.0")))
                .servers(List.of(new Server().url(Api.BASE_PATH)))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("Session token of the mobile app, from POST /auth/login."))
                        .addSecuritySchemes("cookie", new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE).name(SESSION_COOKIE)
                                .description("Session cookie of the web cabinet; unsafe methods also need the "
                                        + "X-CSRF-Token header with the token returned at login.")));
        Set<Class<?>> classes = new LinkedHashSet<>(resources);
        OpenAPI document = new Reader(new SwaggerConfiguration().openAPI(base).readAllResources(true)).read(classes);
        document.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
        if (document.getPaths() != null) {
            document.getPaths().forEach(this::complete);
            DeclaredAnswers.apply(document, classes);
            NullableFields.mark(document, classes);
            KitPaths.expand(document, kitServices);
            OperationIds.assign(document);
        }
        return document;
    }

    private void complete(String path, PathItem item) {
        String tag = tagOf(path);
        for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
            Operation operation = entry.getValue();
            if (operation.getTags() == null || operation.getTags().isEmpty()) {
                operation.addTagsItem(tag);
            }
            ApiResponses responses = operation.getResponses();
            if (responses == null) {
                responses = new ApiResponses();
                operation.setResponses(responses);
            }
            ApiResponse success = responses.getDefault();
            if (success != null && responses.size() == 1) {
                // swagger-core files the one answer it can infer under "default"; that is the success:
                // 200 with the entity of a typed method, some 2xx for a method that builds a Response
                responses.remove("default");
                success.setDescription("Success");
                responses.addApiResponse(hasSchema(success) ? "200" : "2XX", success);
            }
            if (responses.getDefault() == null) {
                responses.setDefault(new ApiResponse()
                        .description("Refusal with its reason in the caller's language (kk, ru, en), rules §29, §30")
                        .content(new Content().addMediaType(Api.PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)))));
            }
        }
    }

    private static boolean hasSchema(ApiResponse response) {
        return response.getContent() != null
                && response.getContent().values().stream().anyMatch(media -> media.getSchema() != null);
    }

    /** {@code /auth/login} → {@code auth}; {@code /operator/ledger/...} → {@code operator/ledger}; {@code /services/x/...} → {@code services/x}. */
    static String tagOf(String path) {
        String[] segments = path.replaceFirst("^/", "").split("/");
        boolean nested = segments.length > 1
                && (segments[0].equals(Api.OPERATOR_PATH) || segments[0].equals(Api.SERVICES_PATH)
                        || segments[0].equals("dev"));
        return nested ? segments[0] + "/" + segments[1] : segments[0];
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem; extension members carry the details of the refusal "
                        + "(for a lock, until when; for a password, every rule broken)")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("language", new StringSchema()._enum(List.of("kk", "ru", "en")));
    }

    private static final String DESCRIPTION = """
            The REST API of the Qyzmet platform: the client's cabinet and mobile app (auth, services), \
            the back office (operator/...) and the catalog of electronic services. Each electronic \
            service is its own bundle; this document is generated from the resources installed right now, \
            so a service that is installed or removed appears or disappears here.

            Language: every answer, refusals included, is in the language of Accept-Language \
            (kk, ru or en; ru when none matches).
            Authentication: POST /auth/login opens a session (bearer token for the app, cookie plus \
            X-CSRF-Token for the web). Operations additionally need a security session and a one-time \
            code bound to the instruction's digest. Paths under operator/ need an operator or administrator.
            Correlation: X-Correlation-Id is echoed on every answer and recorded in the audit journal.""";
}
