package kz.qyzmet.common.api;

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

    /**
     * "As of" a moment in the past: an ISO-8601 instant, or a date meaning the end of
     * that day in {@code zone}. Null or blank, or today's date, mean now (null). A
     * moment in the future is refused naming the field.
     */
    public static Instant pastMoment(String field, String value, Instant now, java.time.ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        boolean date = text.length() == 10;
        Instant at;
        try {
            at = date ? java.time.LocalDate.parse(text).plusDays(1).atStartOfDay(zone).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(field, LocalizedText.of("{field}: 2026-11-01 сияқты күн немесе 2026-11-01T12:00:00Z сияқты сәт.",
                    "{field}: дата вида 2026-11-01 или момент вида 2026-11-01T12:00:00Z.",
                    "{field}: a date like 2026-11-01 or an instant like 2026-11-01T12:00:00Z.").format(Map.of("field", field)));
        }
        if (!at.isAfter(now)) {
            return at;
        }
        if (date && !java.time.LocalDate.parse(text).isAfter(now.atZone(zone).toLocalDate())) {
            return null; // today: the end of the day has not come, the state is the current one
        }
        throw invalid(field, LocalizedText.of("{field} болашақта бола алмайды.", "{field} не может быть в будущем.",
                "{field} cannot be in the future.").format(Map.of("field", field)));
    }
}
