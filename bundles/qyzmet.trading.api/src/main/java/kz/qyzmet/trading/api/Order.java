package kz.qyzmet.trading.api;

import java.math.BigDecimal;
import java.time.Instant;

import kz.qyzmet.common.api.LocalizedText;

/**
 * A client's order as it stands.
 *
 * @param id             the broker's order id
 * @param clientId       whose
 * @param account        the personal account
 * @param isin           the security
 * @param instrumentVersion the instrument's version it was checked against
 * @param side           buy or sell
 * @param type           how it is priced
 * @param timeInForce    how long it lives
 * @param quantity       units ordered (lots × lot size); a replace changes it
 * @param limitPrice     null unless it has a limit
 * @param stopPrice      null unless it has a stop
 * @param state          where it stands
 * @param filled         units filled so far
 * @param averagePrice   the average price of the fills, null before the first
 * @param holdReference  the ledger hold that carries its money (buy) or securities (sell)
 * @param reference      the reference of the request that placed it (its instruction)
 * @param reason         why the exchange rejected, cancelled or expired it; null otherwise
 * @param placedAt       when it was placed
 * @param updatedAt      its last change
 */
public record Order(String id, String clientId, String account, String isin, int instrumentVersion, Side side,
        OrderType type, TimeInForce timeInForce, long quantity, BigDecimal limitPrice, BigDecimal stopPrice, OrderState state,
        long filled, BigDecimal averagePrice, String holdReference, String reference, LocalizedText reason, Instant placedAt,
        Instant updatedAt) {

    /** Units still to fill. */
    public long leaves() {
        return state.isFinal() ? 0 : quantity - filled;
    }
}
