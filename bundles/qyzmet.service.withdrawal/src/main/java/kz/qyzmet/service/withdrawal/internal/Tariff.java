package kz.qyzmet.service.withdrawal.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * The broker's fee for a withdrawal, the amounts from which staff review it
 * first (§7.2) and those from which it needs an approved source of funds, from
 * the configuration: a percentage with a least fee per currency, rounded
 * half-up to the currency's minor unit.
 */
record Tariff(BigDecimal percent, Map<String, BigDecimal> minimum, Map<String, BigDecimal> reviewFrom,
        Map<String, BigDecimal> sourceOfFundsFrom) {

    static Tariff of(WithdrawalConfiguration configuration) {
        return new Tariff(new BigDecimal(configuration.fee_percent().strip()), perCurrency(configuration.fee_minimum()),
                perCurrency(configuration.review_from()), perCurrency(configuration.source_of_funds_from()));
    }

    static Map<String, BigDecimal> perCurrency(String[] values) {
        return kz.qyzmet.common.api.PerCode.amounts(values);
    }

    BigDecimal fee(BigDecimal amount, String currency, int scale) {
        BigDecimal byPercent = amount.multiply(percent).movePointLeft(2).setScale(scale, RoundingMode.HALF_UP);
        BigDecimal least = Optional.ofNullable(minimum.get(currency)).orElse(BigDecimal.ZERO).setScale(scale, RoundingMode.HALF_UP);
        return byPercent.max(least);
    }

    /** Whether staff must review a withdrawal of this amount before it goes to the bank. */
    boolean needsReview(BigDecimal amount, String currency) {
        BigDecimal from = reviewFrom.get(currency);
        return from != null && amount.compareTo(from) >= 0;
    }

    /** The amount from which a withdrawal in {@code currency} needs an approved source of funds, if any. */
    Optional<BigDecimal> sourceOfFundsFrom(BigDecimal amount, String currency) {
        BigDecimal from = sourceOfFundsFrom.get(currency);
        return from != null && amount.compareTo(from) >= 0 ? Optional.of(from) : Optional.empty();
    }
}
