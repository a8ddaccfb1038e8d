package kz.qyzmet.common.api;

import java.util.Map;
import java.util.Objects;

/**
 * A text in the three languages of the platform. Every text a client or an
 * operator reads exists in all three, so a missing translation is a programming
 * error caught at construction.
 */
public record LocalizedText(String kk, String ru, String en) {

    public LocalizedText {
        Objects.requireNonNull(kk, "kk");
        Objects.requireNonNull(ru, "ru");
        Objects.requireNonNull(en, "en");
    }

    public static LocalizedText of(String kk, String ru, String en) {
        return new LocalizedText(kk, ru, en);
    }

    /** The text in the given language. */
    public String in(Language language) {
        return switch (language) {
            case KK -> kk;
            case RU -> ru;
            case EN -> en;
        };
    }

    /** True when every language has non-blank text. */
    public boolean isComplete() {
        return !kk.isBlank() && !ru.isBlank() && !en.isBlank();
    }

    /** Fills each language's {@code {name}} placeholders with the given values. */
    public LocalizedText format(Map<String, ?> values) {
        return new LocalizedText(fill(kk, values), fill(ru, values), fill(en, values));
    }

    private static String fill(String template, Map<String, ?> values) {
        String result = template;
        for (Map.Entry<String, ?> value : values.entrySet()) {
            result = result.replace("{" + value.getKey() + "}", String.valueOf(value.getValue()));
        }
        return result;
    }
}
