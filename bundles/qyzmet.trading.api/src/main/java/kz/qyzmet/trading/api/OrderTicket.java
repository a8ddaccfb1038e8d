package kz.qyzmet.trading.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order as a client asks for it.
 *
 * @param clientId    whose order it is
 * @param account     the client's personal account money and securities are on
 * @param instrument  ISIN or ticker
 * @param side        buy or sell
 * @param type        market, limit, stop or stop-limit
 * @param timeInForce day, GTC or IOC
 * @param lots        how many lots, positive
 * @param limitPrice  for limit and stop-limit orders, on the instrument's tick
 * @param stopPrice   for stop and stop-limit orders, on the instrument's tick
 * @param reference   the caller's reference (the instruction that asked), carried by the order's events
 * @param actor       who asked, for the holds and the journal
 */
public record OrderTicket(String clientId, String account, String instrument, Side side, OrderType type,
        TimeInForce timeInForce, long lots, BigDecimal limitPrice, BigDecimal stopPrice, String reference, String actor) {

    public OrderTicket {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timeInForce, "timeInForce");
    }
}
