package kz.qyzmet.exchange.simulated.internal;

import java.math.BigDecimal;

/**
 * What the matching engine did to one order, as its owner hears it (one event
 * per order: a trade gives one to each side).
 *
 * @param kind                  what happened
 * @param exchangeOrderId       the engine's id of the order, the same through replaces
 * @param clientOrderId         the request it answers
 * @param originalClientOrderId for a cancel or replace, the order's previous request id
 * @param owner                 whose order (the broker's gateway or a simulated participant)
 * @param lastQuantity          units of this trade
 * @param lastPrice             price of this trade
 * @param cumulative            units filled in all
 * @param leaves                units still open
 * @param text                  the reason of a rejection, cancel or expiry
 */
record BookEvent(Kind kind, String exchangeOrderId, String clientOrderId, String originalClientOrderId, String owner,
        long lastQuantity, BigDecimal lastPrice, long cumulative, long leaves, String text) {

    enum Kind {
        ACCEPTED, TRADE, CANCELLED, REPLACED, REJECTED, EXPIRED, CANCEL_REJECTED, REPLACE_REJECTED
    }

    static BookEvent of(Kind kind, EngineOrder order, String text) {
        return new BookEvent(kind, order.exchangeOrderId, order.clientOrderId, null, order.owner, 0, null, order.filled,
                order.leaves(), text);
    }
}
