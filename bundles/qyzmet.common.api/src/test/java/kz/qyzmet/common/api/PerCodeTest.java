package kz.qyzmet.common.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Amounts per currency code from settings: one per value or comma-separated, a bad line said at once. */
class PerCodeTest {

    @Test
    void linesAndCommaSeparatedValuesGiveOneMapInOrder() {
        Map<String, BigDecimal> amounts = PerCode.amounts(new String[] { "KZT=200, USD=1", "EUR=1.50", " ", null });
        assertEquals(List.of("KZT", "USD", "EUR"), List.copyOf(amounts.keySet()));
        assertEquals(new BigDecimal("1.50"), amounts.get("EUR"));
        assertEquals(Map.of(), PerCode.amounts(null));
    }

    @Test
    void aMalformedLineIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> PerCode.amounts(new String[] { "KZT200" }));
        assertThrows(IllegalArgumentException.class, () -> PerCode.amounts(new String[] { "kzt=200" }));
        assertThrows(IllegalArgumentException.class, () -> PerCode.amounts(new String[] { "KZT=lots" }));
    }
}
