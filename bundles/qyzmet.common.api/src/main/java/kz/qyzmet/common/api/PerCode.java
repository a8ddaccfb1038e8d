package kz.qyzmet.common.api;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of an amount per currency (or security) code, as tariffs and limits
 * give them: {@code KZT=200} lines, one per value or several in one value
 * separated by commas (as an environment variable gives a list).
 *
 * @since 1.2
 */
public final class PerCode {
    private PerCode() {
    }

    /**
     * The lines as a map, in their order; a malformed line is a configuration error,
     * said at once with the line.
     *
     * @throws IllegalArgumentException for a line that is not {@code CODE=amount} with a three-letter code
     */
    public static Map<String, BigDecimal> amounts(String[] values) {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        Arrays.stream(values == null ? new String[0] : values).filter(Objects::nonNull)
                .flatMap(value -> Arrays.stream(value.split(","))).map(String::strip).filter(line -> !line.isEmpty())
                .forEach(line -> {
                    String[] parts = line.split("=", 2);
                    if (parts.length != 2 || !parts[0].strip().matches("[A-Z]{3}")) {
                        throw new IllegalArgumentException("expected CODE=amount, e.g. KZT=200: " + line);
                    }
                    try {
                        amounts.put(parts[0].strip(), new BigDecimal(parts[1].strip()));
                    } catch (NumberFormatException notANumber) {
                        throw new IllegalArgumentException("expected CODE=amount, e.g. KZT=200: " + line, notANumber);
                    }
                });
        return java.util.Collections.unmodifiableMap(amounts);
    }
}
