package kz.qyzmet.trading.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Prices of an instrument now.
 *
 * @param isin          the security
 * @param last          the last trade's price, null before the first
 * @param bid           the best bid, null when none
 * @param ask           the best ask, null when none
 * @param previousClose the reference price of the day, for the daily change
 * @param at            when
 */
public record Quote(String isin, BigDecimal last, BigDecimal bid, BigDecimal ask, BigDecimal previousClose, Instant at) {

    /** The daily change in percent, two decimals; null without a last price or reference. */
    public BigDecimal changePercent() {
        if (last == null || previousClose == null || previousClose.signum() == 0) {
            return null;
        }
        return last.subtract(previousClose).movePointRight(2).divide(previousClose, 2, java.math.RoundingMode.HALF_UP);
    }
}
