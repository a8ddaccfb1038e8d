package kz.qyzmet.rest.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Checks of request input that every resource needs, answered as problems naming the field (rules §29). */
public final class Requests {
    private Requests() {
    }

    /** A 400 validation problem about one field. */
    public static ProblemException invalid(String field, LocalizedText detail) {
        return new ProblemException(400, CommonProblems.VALIDATION, detail, Map.of("field", field), Map.of());
    }

    /** The value, or a 400 naming the missing field (also for blank text). */
    public static <T> T required(T value, String field) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw invalid(field, LocalizedText.of("{field} өрісі міндетті.", "Поле {field} обязательно.",
                    "Field {field} is required.").format(Map.of("field", field)));
        }
        return value;
    }

    /** An ISO-8601 instant such as {@code 2026-01-31T00:00:00Z}; null or blank gives null. */
    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw invalid(field, LocalizedText.of("{field} уақыты ISO-8601 пішімінде болуы керек, мысалы 2026-01-31T00:00:00Z.",
                    "Время {field} должно быть в формате ISO-8601, например 2026-01-31T00:00:00Z.",
                    "{field} must be an ISO-8601 instant, e.g. 2026-01-31T00:00:00Z.").format(Map.of("field", field)));
        }
    }
}
