package kz.qyzmet.service.withdrawal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TariffTest {
    private final Tariff tariff = new Tariff(new BigDecimal("0.1"), Tariff.perCurrency(new String[] { "KZT=200", "USD=1" }),
            Tariff.perCurrency(new String[] { "KZT=5000000" }), Tariff.perCurrency(new String[] { "KZT=20000000,USD=40000" }));

    @Test
    void theFeeIsThePercentageRoundedHalfUpButNeverBelowTheLeastFee() {
        assertEquals(new BigDecimal("1000.00"), tariff.fee(new BigDecimal("1000000"), "KZT", 2));
        assertEquals(new BigDecimal("200.00"), tariff.fee(new BigDecimal("1000"), "KZT", 2), "the least fee");
        assertEquals(new BigDecimal("1.24"), tariff.fee(new BigDecimal("1235.00"), "USD", 2), "1.235 rounds half up");
        assertEquals(new BigDecimal("0.01"), tariff.fee(new BigDecimal("5"), "EUR", 2), "no least fee for EUR");
        assertEquals(new BigDecimal("5"), tariff.fee(new BigDecimal("5000"), "JPY", 0), "yen have no minor unit");
    }

    @Test
    void staffReviewFromTheConfiguredAmountOnOnlyInTheCurrenciesNamed() {
        assertTrue(tariff.needsReview(new BigDecimal("5000000.00"), "KZT"));
        assertFalse(tariff.needsReview(new BigDecimal("4999999.99"), "KZT"));
        assertFalse(tariff.needsReview(new BigDecimal("99999999"), "USD"));
    }

    @Test
    void aMalformedLineIsAConfigurationErrorNotASilentZero() {
        assertThrows(IllegalArgumentException.class, () -> Tariff.perCurrency(new String[] { "tenge 200" }));
        assertEquals(Map.of(), Tariff.perCurrency(new String[] { " " }));
    }

    @Test
    void fromTheConfiguredAmountAWithdrawalNeedsASourceOfFundsAndASettingMayNameSeveralCurrenciesInOneValue() {
        assertEquals(java.util.Optional.of(new BigDecimal("20000000")), tariff.sourceOfFundsFrom(new BigDecimal("20000000.00"),
                "KZT"));
        assertTrue(tariff.sourceOfFundsFrom(new BigDecimal("19999999.99"), "KZT").isEmpty());
        assertEquals(java.util.Optional.of(new BigDecimal("40000")), tariff.sourceOfFundsFrom(new BigDecimal("50000"), "USD"));
        assertTrue(tariff.sourceOfFundsFrom(new BigDecimal("1000000000"), "EUR").isEmpty(), "a currency not named never does");
        assertEquals(Map.of("KZT", new BigDecimal("200"), "USD", new BigDecimal("1")),
                Tariff.perCurrency(new String[] { "KZT=200, USD=1" }));
    }
}
