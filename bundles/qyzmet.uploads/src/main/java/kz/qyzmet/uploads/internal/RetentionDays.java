package kz.qyzmet.uploads.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code identity-document=1826, other=30}: days per purpose; a wrong entry stops the start with the reason. */
final class RetentionDays {
    private RetentionDays() {
    }

    static Map<String, Integer> parse(String setting) {
        Map<String, Integer> days = new LinkedHashMap<>();
        if (setting == null || setting.isBlank()) {
            return Map.of();
        }
        for (String entry : setting.split(",")) {
            String[] pair = entry.split("=", 2);
            if (pair.length != 2 || pair[0].isBlank()) {
                throw new IllegalArgumentException("qyzmet.uploads.retention.days: \"" + entry.strip()
                        + "\" is not purpose=days");
            }
            int value;
            try {
                value = Integer.parseInt(pair[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("qyzmet.uploads.retention.days: \"" + pair[1].strip() + "\" is not a number of days");
            }
            if (value < 0) {
                throw new IllegalArgumentException("qyzmet.uploads.retention.days: days cannot be negative: " + entry.strip());
            }
            days.put(pair[0].strip(), value);
        }
        return Map.copyOf(days);
    }
}
