package kz.qyzmet.openapi.internal;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import kz.qyzmet.rest.api.Answer;

/**
 * An endpoint that builds its own {@code Response} tells swagger-core nothing
 * about its answer; it declares it with {@link Answer}. This puts each declared
 * answer (status, body schema, media type) in place of the unspecified success
 * the reader inferred, so every operation of the document says what it answers
 * and a generated client gets typed results.
 */
final class DeclaredAnswers {
    private static final String JSON = "application/json";
    private static final String EVENTS = "text/event-stream";

    private DeclaredAnswers() {
    }

    static void apply(OpenAPI document, Collection<Class<?>> resources) {
        for (Class<?> resource : resources) {
            for (Method method : resource.getMethods()) {
                Answer[] answers = method.getAnnotationsByType(Answer.class);
                String verb = httpMethod(method);
                if (answers.length == 0 || verb == null) {
                    continue;
                }
                PathItem item = document.getPaths() == null ? null : document.getPaths().get(path(resource, method));
                Operation operation = item == null ? null
                        : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(verb.toUpperCase(Locale.ROOT)));
                if (operation != null) {
                    declare(document, operation, answers);
                }
            }
        }
    }

    private static void declare(OpenAPI document, Operation operation, Answer[] answers) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        ApiResponse refusal = responses.getDefault();
        ApiResponses declared = new ApiResponses();
        for (Answer answer : answers) {
            String status = String.valueOf(answer.status());
            ApiResponse response = declared.computeIfAbsent(status, key -> new ApiResponse());
            if (!answer.description().isEmpty()) {
                response.setDescription(response.getDescription() == null ? answer.description()
                        : response.getDescription() + "; " + answer.description());
            } else if (response.getDescription() == null) {
                response.setDescription(answer.status() == 204 ? "Done; no content" : "Success");
            }
            if (answer.body() != Void.class || isFile(answer.mediaType()) || EVENTS.equals(answer.mediaType())) {
                if (response.getContent() == null) {
                    response.setContent(new Content());
                }
                response.getContent().addMediaType(answer.mediaType(), new MediaType().schema(schema(document, answer)));
            }
        }
        if (refusal != null) {
            declared.setDefault(refusal);
        }
        operation.setResponses(declared);
    }

    @SuppressWarnings("rawtypes")
    private static Schema schema(OpenAPI document, Answer answer) {
        if (EVENTS.equals(answer.mediaType())) {
            return new StringSchema().description("server-sent events");
        }
        if (isFile(answer.mediaType())) {
            return new StringSchema().format("binary");
        }
        Map<String, Schema> schemas = ModelConverters.getInstance().readAll(answer.body());
        schemas.forEach((name, schema) -> document.getComponents().addSchemas(name, schema));
        String name = answer.body().getSimpleName();
        if (schemas.containsKey(name)) {
            return new Schema<>().$ref("#/components/schemas/" + name);
        }
        ResolvedSchema resolved = ModelConverters.getInstance().readAllAsResolvedSchema(answer.body());
        // a body of no particular shape (Object: any JSON object)
        return resolved == null || resolved.schema == null ? new ObjectSchema() : resolved.schema;
    }

    private static boolean isFile(String mediaType) {
        return !mediaType.equals(JSON) && !mediaType.endsWith("+json") && !mediaType.equals(EVENTS);
    }

    private static String httpMethod(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** The document's key for a method: class and method {@code @Path} joined, templates without their regex. */
    static String path(Class<?> resource, Method method) {
        Path base = resource.getAnnotation(Path.class);
        Path own = method.getAnnotation(Path.class);
        String joined = (base == null ? "" : base.value()) + "/" + (own == null ? "" : own.value());
        String normalized = ("/" + joined).replaceAll("\\{\\s*([^}:\\s]+)\\s*(:[^}]*)?}", "{$1}").replaceAll("/+", "/");
        return normalized.length() > 1 && normalized.endsWith("/") ? normalized.substring(0, normalized.length() - 1)
                : normalized;
    }
}
