package kz.qyzmet.openapi.internal;

import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;

/**
 * Every operation gets an id made of its method and path
 * ({@code POST /services/extract/requests/{id}/confirm} →
 * {@code postServicesExtractRequestsByIdConfirm}): unique, because a method and
 * a path are, and stable, because it does not depend on the Java method's name
 * or on the order resources were read in. Generated clients name their methods
 * after it.
 */
final class OperationIds {
    private OperationIds() {
    }

    static void assign(OpenAPI document) {
        for (Map.Entry<String, PathItem> path : document.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().readOperationsMap().entrySet()) {
                operation.getValue().setOperationId(of(operation.getKey(), path.getKey()));
            }
        }
    }

    static String of(PathItem.HttpMethod method, String path) {
        StringBuilder id = new StringBuilder(method.name().toLowerCase());
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                id.append("By").append(KitPaths.pascal(segment.substring(1, segment.length() - 1)));
            } else {
                id.append(KitPaths.pascal(segment));
            }
        }
        return id.toString();
    }
}
