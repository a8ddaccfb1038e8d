package kz.qyzmet.service.operationsreport.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import kz.qyzmet.documents.api.Formats;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.Requests;

/**
 * The period of a report, [from, to): dates are whole days in Almaty ("from 2026-01-01
 * to 2026-01-31" includes the 31st), instants are taken as given. A period may not
 * end in the future; one ending today ends now.
 */
record Period(Instant from, Instant to) {

    static Period parse(String from, String to, Instant now) {
        Instant start = bound("from", from, false);
        Instant end = bound("to", to, true);
        if (end.isAfter(now)) {
            if (to.trim().length() == 10 && !LocalDate.parse(to.trim()).isAfter(Formats.day(now))) {
                end = now;
            } else {
                throw Requests.invalid("to", LocalizedText.of("Кезең болашақта аяқтала алмайды.",
                        "Период не может заканчиваться в будущем.", "The period cannot end in the future."));
            }
        }
        if (!start.isBefore(end)) {
            throw Requests.invalid("from", LocalizedText.of("Кезеңнің басы соңынан бұрын болуы керек.",
                    "Начало периода должно быть раньше его конца.", "The period must start before it ends."));
        }
        return new Period(start, end);
    }

    private static Instant bound(String field, String value, boolean end) {
        Requests.required(value, field);
        String text = value.trim();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay(Formats.BROKER_ZONE).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw Requests.invalid(field, LocalizedText.of("{field}: 2026-01-31 сияқты күн немесе 2026-01-31T00:00:00Z сияқты сәт.",
                    "{field}: дата вида 2026-01-31 или момент вида 2026-01-31T00:00:00Z.",
                    "{field}: a date like 2026-01-31 or an instant like 2026-01-31T00:00:00Z.").format(Map.of("field", field)));
        }
    }
}
