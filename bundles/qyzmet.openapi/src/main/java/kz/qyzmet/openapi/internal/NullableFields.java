package kz.qyzmet.openapi.internal;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

import kz.qyzmet.rest.api.Answer;

/**
 * Marks which fields of an answer may be null (issue #12): the platform writes
 * null members as {@code null}, so every record component of a reference type
 * may be absent of a value, and one of a primitive type never is. swagger-core
 * cannot tell {@code int} from {@code Integer} in the schema it writes; this
 * walks the records the resources answer with (their return types and
 * {@link Answer} bodies, and the records inside them) and sets
 * {@code nullable} on the matching properties of their component schemas.
 */
final class NullableFields {
    private NullableFields() {
    }

    @SuppressWarnings("rawtypes")
    static void mark(OpenAPI document, Collection<Class<?>> resources) {
        if (document.getComponents() == null || document.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = document.getComponents().getSchemas();
        Deque<Type> pending = new ArrayDeque<>();
        for (Class<?> resource : resources) {
            for (Method method : resource.getMethods()) {
                pending.add(method.getGenericReturnType());
                for (Answer answer : method.getAnnotationsByType(Answer.class)) {
                    pending.add(answer.body());
                }
            }
        }
        Set<Class<?>> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Type type = pending.pop();
            if (type instanceof ParameterizedType generic) {
                for (Type argument : generic.getActualTypeArguments()) {
                    pending.add(argument);
                }
                continue;
            }
            if (!(type instanceof Class<?> record) || !record.isRecord() || !seen.add(record)) {
                continue;
            }
            Schema schema = schemas.get(record.getSimpleName());
            for (RecordComponent component : record.getRecordComponents()) {
                pending.add(component.getGenericType());
                Object property = schema == null || schema.getProperties() == null ? null
                        : schema.getProperties().get(component.getName());
                if (property instanceof Schema field && !component.getType().isPrimitive() && field.get$ref() == null) {
                    field.setNullable(true);
                }
            }
        }
    }
}
