package kz.qyzmet.trading.api;

import java.math.BigDecimal;

/**
 * What an order would hold, after the pre-trade checks passed (rules §30).
 *
 * @param instrument the instrument's version the order was checked against
 * @param quantity   units of the security (lots × lot size)
 * @param price      the price the hold is computed at: the limit, or for a market or stop order the last price
 *                   with the configured collar
 * @param amount     price × quantity in the instrument's currency
 * @param fee        the broker's fee by the tariff on that amount
 * @param holdAsset  what is held: the currency for a buy, the security for a sell
 * @param holdAmount how much of it: amount + fee for a buy, the quantity for a sell
 */
public record Estimate(Instrument instrument, long quantity, BigDecimal price, BigDecimal amount, BigDecimal fee,
        String holdAsset, BigDecimal holdAmount) {
}
