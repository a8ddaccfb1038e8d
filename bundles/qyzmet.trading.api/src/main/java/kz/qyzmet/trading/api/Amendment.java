package kz.qyzmet.trading.api;

import java.math.BigDecimal;

/**
 * A cancel-replace: the order's new total size and prices.
 *
 * @param lots       the new total size in lots, more than is filled already
 * @param limitPrice the new limit (orders with a limit), on the tick
 * @param stopPrice  the new stop (orders with a stop), on the tick
 */
public record Amendment(long lots, BigDecimal limitPrice, BigDecimal stopPrice) {
}
