package kz.qyzmet.exchange.simulated.internal;

import java.math.BigDecimal;

import kz.qyzmet.trading.api.OrderType;
import kz.qyzmet.trading.api.Side;
import kz.qyzmet.trading.api.TimeInForce;

/** An order inside the engine; only its book changes it, under the book's lock. */
final class EngineOrder {
    final String exchangeOrderId;
    final String owner;
    final Side side;
    final OrderType type;
    final TimeInForce timeInForce;
    String clientOrderId;
    long quantity;
    long filled;
    BigDecimal limitPrice;
    BigDecimal stopPrice;
    /** Time priority: lower first; a replace that worsens the order's place takes a new one. */
    long sequence;
    /** A stop order whose stop was reached: it now trades as a market or limit order. */
    boolean triggered;
    boolean done;
    /** Every client order id it carried: the first, and one more per replace. */
    final java.util.List<String> clientOrderIds = new java.util.ArrayList<>(2);

    EngineOrder(String exchangeOrderId, String clientOrderId, String owner, Side side, OrderType type,
            TimeInForce timeInForce, long quantity, BigDecimal limitPrice, BigDecimal stopPrice) {
        this.exchangeOrderId = exchangeOrderId;
        this.clientOrderId = clientOrderId;
        this.owner = owner;
        this.side = side;
        this.type = type;
        this.timeInForce = timeInForce;
        this.quantity = quantity;
        this.limitPrice = limitPrice;
        this.stopPrice = stopPrice;
    }

    long leaves() {
        return done ? 0 : quantity - filled;
    }

    /** Trades at any price: a market order, or a stop order once triggered. */
    boolean atMarket() {
        return type == OrderType.MARKET || type == OrderType.STOP;
    }

    /** Whether this order may trade against a resting order at {@code price}. */
    boolean accepts(BigDecimal price) {
        if (atMarket()) {
            return true;
        }
        int compared = price.compareTo(limitPrice);
        return side == Side.BUY ? compared <= 0 : compared >= 0;
    }

    /** Whether a trade at {@code last} reaches this stop order's stop. */
    boolean stopReachedBy(BigDecimal last) {
        if (last == null) {
            return false;
        }
        int compared = last.compareTo(stopPrice);
        return side == Side.BUY ? compared >= 0 : compared <= 0;
    }
}
