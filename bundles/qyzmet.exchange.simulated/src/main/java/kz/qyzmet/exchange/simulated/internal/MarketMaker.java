package kz.qyzmet.exchange.simulated.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import kz.qyzmet.trading.api.OrderType;
import kz.qyzmet.trading.api.Side;
import kz.qyzmet.trading.api.TimeInForce;

/**
 * A simulated participant that keeps the demo's books liquid (issue #17): it
 * quotes a ladder of levels on both sides of each reference price and puts a
 * level back as soon as it trades away, so a learner's order always finds a
 * counterpart. Runs on the exchange thread only.
 */
final class MarketMaker {
    static final String OWNER = "market-maker";

    private final ExchangeCore exchange;
    private final int levels;
    private final long quantity;
    private final int spacing;
    /** The market maker's live quotes: order id → where to put it back. */
    private final Map<String, Level> quotes = new HashMap<>();
    private final java.util.concurrent.atomic.AtomicLong ids = new java.util.concurrent.atomic.AtomicLong();

    private record Level(String isin, Side side, BigDecimal price) {
    }

    MarketMaker(ExchangeCore exchange, SimulatedExchangeConfiguration configuration) {
        this.exchange = exchange;
        this.levels = Math.max(1, configuration.depth_levels());
        this.quantity = Math.max(1, configuration.level_quantity());
        this.spacing = Math.max(1, configuration.level_spacing_bp());
    }

    /** Quotes every book that has a reference price. */
    void quoteAll() {
        exchange.referencedBooks().forEach(this::quote);
    }

    /** Quotes around a (new) reference price; its quotes around the old one go first, so it never trades with itself. */
    void quote(String isin, BigDecimal reference) {
        java.util.List<String> old = quotes.entrySet().stream().filter(quote -> quote.getValue().isin().equals(isin))
                .map(Map.Entry::getKey).toList();
        for (String id : old) {
            quotes.remove(id);
            exchange.engine().cancel(isin, id + "-withdrawn", id);
        }
        for (int level = 1; level <= levels; level++) {
            place(new Level(isin, Side.BUY, ExchangeCore.away(reference, -spacing * level)));
            place(new Level(isin, Side.SELL, ExchangeCore.away(reference, spacing * level)));
        }
    }

    /** A quote that traded away in full goes back at its price. */
    void heard(BookEvent event) {
        if (event.kind() == BookEvent.Kind.TRADE && event.leaves() == 0) {
            Level level = quotes.remove(event.clientOrderId());
            if (level != null) {
                place(level);
            }
        }
    }

    private void place(Level level) {
        String id = OWNER + "-" + ids.incrementAndGet();
        quotes.put(id, level);
        exchange.publish(exchange.engine().submit(level.isin(), id, OWNER, level.side(), OrderType.LIMIT, TimeInForce.GTC,
                quantity, level.price(), null), OWNER);
    }
}
