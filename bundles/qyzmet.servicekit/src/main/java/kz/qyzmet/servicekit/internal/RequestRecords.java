package kz.qyzmet.servicekit.internal;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.Requests;
import kz.qyzmet.servicekit.api.FormField;
import kz.qyzmet.servicekit.api.MaxLength;
import kz.qyzmet.servicekit.api.OneOf;
import kz.qyzmet.servicekit.api.Required;

/**
 * A service's request record as the instruction stores it and back: the record's
 * components become the instruction's parameters (JSON values; decimals as
 * strings, so that the canonical form the client confirms is exact, §25.2), and
 * the confirmed parameters become the record again for the handler.
 */
final class RequestRecords {
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final ObjectMapper MAPPER = mapper();

    private RequestRecords() {
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        return mapper;
    }

    /** The record's components as instruction parameters, in declaration order; absent values stay as null. */
    static Map<String, Object> parameters(Record request) {
        return MAPPER.convertValue(request, MAP);
    }

    /** The record a stored instruction's parameters describe. */
    static <R extends Record> R request(Map<String, Object> parameters, Class<R> type) {
        return MAPPER.convertValue(parameters, type);
    }

    /**
     * The checks a record declares on its components ({@link Required},
     * {@link MaxLength}, {@link OneOf}); a problem naming the first component that
     * fails, by its form label in each language where it has one ({@link FormField}).
     */
    static void check(Record request) {
        for (RecordComponent component : request.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(request);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the request component " + component.getName() + " cannot be read", e);
            }
            String field = component.getName();
            FormField form = component.getAnnotation(FormField.class);
            String kk = form == null ? field : "«" + form.kk() + "»";
            String ru = form == null ? field : "«" + form.ru() + "»";
            String en = form == null ? field : "“" + form.en() + "”";
            if (component.isAnnotationPresent(Required.class) && isEmpty(value)) {
                throw Requests.invalid(field, LocalizedText.of(kk + " өрісі міндетті.", "Поле " + ru + " обязательно.",
                        "Field " + en + " is required."));
            }
            MaxLength max = component.getAnnotation(MaxLength.class);
            if (max != null && value instanceof CharSequence text && text.codePoints().count() > max.value()) {
                String limit = String.valueOf(max.value());
                throw Requests.invalid(field, LocalizedText.of(kk + ": ең көбі " + limit + " таңба.",
                        ru + ": не более " + limit + " символов.", en + ": at most " + limit + " characters."));
            }
            OneOf oneOf = component.getAnnotation(OneOf.class);
            if (oneOf != null && value instanceof CharSequence text && !text.toString().isBlank()
                    && !java.util.Arrays.asList(oneOf.value()).contains(text.toString())) {
                String allowed = String.join(", ", oneOf.value());
                throw Requests.invalid(field, LocalizedText.of(kk + ": мына мәндердің бірі: " + allowed + ".",
                        ru + ": одно из значений " + allowed + ".", en + ": one of " + allowed + "."));
            }
        }
    }

    private static boolean isEmpty(Object value) {
        return value == null || value instanceof CharSequence text && text.toString().isBlank()
                || value instanceof Collection<?> collection && collection.isEmpty();
    }
}
