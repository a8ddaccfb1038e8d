package kz.qyzmet.rest.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import javax.ws.rs.HeaderParam;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.ext.ParamConverter;
import javax.ws.rs.ext.ParamConverterProvider;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import kz.qyzmet.rest.api.ApiExtension;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.Requests;

/**
 * Numbers and yes/no parameters read strictly: {@code limit=abc} or
 * {@code former=maybe} is a 400 naming the parameter, where JAX-RS would answer a
 * 404 or quietly read {@code false}. A blank value is the parameter's default.
 */
@Component(service = ParamConverterProvider.class)
@ApiExtension
@JaxrsName("qyzmet.strict-parameters")
public class StrictParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(name, rawType.isPrimitive() ? 0 : null, text -> Integer.valueOf(text),
                    "бүтін сан", "целое число", "a whole number");
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) converter(name, rawType.isPrimitive() ? 0L : null, text -> Long.valueOf(text),
                    "бүтін сан", "целое число", "a whole number");
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) converter(name, rawType.isPrimitive() ? false : null, StrictParameters::bool,
                    "true немесе false", "true или false", "true or false");
        }
        return null;
    }

    private static Boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        default -> throw new IllegalArgumentException(text);
        };
    }

    private static <T> ParamConverter<T> converter(String name, T blank, Function<String, T> parse, String kk, String ru,
            String en) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null || value.isBlank()) {
                    return blank;
                }
                try {
                    return parse.apply(value.strip());
                } catch (IllegalArgumentException e) {
                    throw new InvalidParameter(Requests.invalid(name, LocalizedText.of(
                            "{field} параметрі " + kk + " болуы керек.", "Параметр {field} должен быть: " + ru + ".",
                            "Parameter {field} must be " + en + ".").format(Map.of("field", name))));
                }
            }

            @Override
            public String toString(T value) {
                return String.valueOf(value);
            }
        };
    }

    private static String name(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return "parameter";
    }
}
