package kz.qyzmet.openapi.internal;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;

import com.fasterxml.jackson.core.JsonProcessingException;

import kz.qyzmet.servicekit.api.MaxLength;
import kz.qyzmet.servicekit.api.Required;

/**
 * The service kit serves one set of endpoints for every service,
 * {@code /services/{service}/requests…}; a reader wants them per service, with
 * the body that service takes. Each generic path becomes one path per service
 * on the kit ({@code /services/extract/requests…}), tagged with the service,
 * the create operation's body the service's request record (its {@code @Required}
 * components required, {@code @MaxLength} as {@code maxLength}).
 */
final class KitPaths {
    static final String GENERIC = "/services/{service}/requests";

    private KitPaths() {
    }

    static void expand(OpenAPI document, Map<String, Class<?>> kitServices) {
        Map<String, PathItem> generic = new LinkedHashMap<>();
        new ArrayList<>(document.getPaths().keySet()).stream().filter(path -> path.startsWith(GENERIC))
                .forEach(path -> generic.put(path, document.getPaths().remove(path)));
        if (generic.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Class<?>> service : new TreeMap<>(kitServices).entrySet()) {
            String id = service.getKey();
            String schemaName = pascal(id) + "Request";
            document.getComponents().addSchemas(schemaName, requestSchema(service.getValue()));
            for (Map.Entry<String, PathItem> path : generic.entrySet()) {
                PathItem copy = copy(path.getValue());
                for (Map.Entry<PathItem.HttpMethod, Operation> entry : copy.readOperationsMap().entrySet()) {
                    Operation operation = entry.getValue();
                    if (operation.getParameters() != null) {
                        operation.getParameters().removeIf(parameter -> "service".equals(parameter.getName()));
                        if (operation.getParameters().isEmpty()) {
                            operation.setParameters(null);
                        }
                    }
                    operation.setTags(List.of("services/" + id));
                    operation.setOperationId(null);
                    if (entry.getKey() == PathItem.HttpMethod.POST && path.getKey().equals(GENERIC)) {
                        operation.setRequestBody(new RequestBody().required(false)
                                .description("The request; every component absent is a request with the service's defaults")
                                .content(new Content().addMediaType("application/json",
                                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schemaName)))));
                    }
                }
                document.getPaths().addPathItem(path.getKey().replace("{service}", id), copy);
            }
        }
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    static Schema requestSchema(Class<?> type) {
        ResolvedSchema resolved = ModelConverters.getInstance().readAllAsResolvedSchema(type);
        Schema schema = resolved == null || resolved.schema == null ? new Schema<>().type("object") : resolved.schema;
        List<String> required = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.isAnnotationPresent(Required.class)) {
                    required.add(component.getName());
                }
                MaxLength max = component.getAnnotation(MaxLength.class);
                if (max != null && schema.getProperties() != null && schema.getProperties().get(component.getName()) != null) {
                    ((Schema) schema.getProperties().get(component.getName())).setMaxLength(max.value());
                }
            }
        }
        schema.setRequired(required.isEmpty() ? null : required);
        return schema;
    }

    private static PathItem copy(PathItem item) {
        try {
            return Json.mapper().readValue(Json.mapper().writeValueAsString(item), PathItem.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a path of the document cannot be copied", e);
        }
    }

    /** {@code operations-report} → {@code OperationsReport}. */
    static String pascal(String text) {
        StringBuilder out = new StringBuilder();
        for (String part : text.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
