package kz.qyzmet.trading.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The broker's fee on trades: a percentage of an order's filled amount with a
 * least fee per order and currency, rounded half-up to the currency's minor
 * unit. An order's fee is charged fill by fill as the difference between the
 * fee of everything filled so far and what was charged before, so the sum is
 * exactly the fee of the whole, whatever the fills.
 */
record Tariff(BigDecimal percent, Map<String, BigDecimal> minimum, BigDecimal collarPercent) {

    static Tariff of(TradingConfiguration configuration) {
        return new Tariff(new BigDecimal(configuration.fee_percent().strip()), perCurrency(configuration.fee_minimum()),
                new BigDecimal(configuration.price_collar_percent().strip()));
    }

    static Map<String, BigDecimal> perCurrency(String[] values) {
        return kz.qyzmet.common.api.PerCode.amounts(values);
    }

    /** The fee of an order whose fills add up to {@code amount}; zero before any fill. */
    BigDecimal fee(BigDecimal amount, String currency, int scale) {
        if (amount.signum() == 0) {
            return BigDecimal.ZERO.setScale(scale);
        }
        BigDecimal byPercent = amount.multiply(percent).movePointLeft(2).setScale(scale, RoundingMode.HALF_UP);
        return byPercent.max(minimum.getOrDefault(currency, BigDecimal.ZERO).setScale(scale, RoundingMode.HALF_UP));
    }

    /**
     * The price a market or stop order is held at and sent with as its limit: the
     * reference (last price or stop) moved by the collar against the client's
     * favour for a buy (up) and in it for a sell (down), on the tick.
     */
    BigDecimal collared(BigDecimal reference, boolean buy, BigDecimal tick) {
        BigDecimal factor = BigDecimal.ONE.add((buy ? collarPercent : collarPercent.negate()).movePointLeft(2));
        BigDecimal ticks = reference.multiply(factor).divide(tick, 0, buy ? RoundingMode.CEILING : RoundingMode.FLOOR);
        return ticks.max(BigDecimal.ONE).multiply(tick);
    }
}
