package kz.qyzmet.exchange.simulated.internal;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import kz.qyzmet.trading.api.Side;
import kz.qyzmet.trading.api.TimeInForce;

/**
 * The book of one instrument with price-time priority: the best price trades
 * first, and at one price the order that came first. A trade is at the resting
 * order's price. Market orders and IOC orders never rest (their rest is
 * cancelled); stop orders wait aside until a trade reaches their stop, then
 * trade as market (stop) or limit (stop-limit) orders. One caller at a time
 * ({@link MatchingEngine} serialises them); every method returns what it did as
 * events, in order.
 */
final class OrderBook {
    private final String isin;
    private final NavigableMap<BigDecimal, Deque<EngineOrder>> bids = new TreeMap<>(Comparator.reverseOrder());
    private final NavigableMap<BigDecimal, Deque<EngineOrder>> asks = new TreeMap<>();
    private final List<EngineOrder> stops = new ArrayList<>();
    /** Live orders by every client order id they carried (a cancel may name the first or the latest). */
    private final Map<String, EngineOrder> live = new HashMap<>();
    private BigDecimal last;
    private BigDecimal reference;
    private long sequence;

    OrderBook(String isin) {
        this.isin = isin;
    }

    String isin() {
        return isin;
    }

    BigDecimal last() {
        return last;
    }

    /** The day's reference price (the previous close), and the last price until the first trade. */
    BigDecimal reference() {
        return reference;
    }

    void reference(BigDecimal price) {
        this.reference = price;
    }

    BigDecimal bestBid() {
        return bids.isEmpty() ? null : bids.firstKey();
    }

    BigDecimal bestAsk() {
        return asks.isEmpty() ? null : asks.firstKey();
    }

    /** Units resting at each price on that side, best first. */
    List<Map.Entry<BigDecimal, Long>> depth(Side side, int levels) {
        List<Map.Entry<BigDecimal, Long>> depth = new ArrayList<>();
        for (Map.Entry<BigDecimal, Deque<EngineOrder>> level : (side == Side.BUY ? bids : asks).entrySet()) {
            if (depth.size() == levels) {
                break;
            }
            depth.add(Map.entry(level.getKey(), level.getValue().stream().mapToLong(EngineOrder::leaves).sum()));
        }
        return depth;
    }

    /** The live order of that owner with that client order id, if any. */
    EngineOrder live(String clientOrderId) {
        return live.get(clientOrderId);
    }

    List<BookEvent> submit(EngineOrder order) {
        List<BookEvent> events = new ArrayList<>();
        String invalid = invalid(order);
        if (invalid != null) {
            order.done = true;
            events.add(BookEvent.of(BookEvent.Kind.REJECTED, order, invalid));
            return events;
        }
        order.sequence = ++sequence;
        track(order, order.clientOrderId);
        events.add(BookEvent.of(BookEvent.Kind.ACCEPTED, order, null));
        if (order.type.hasStop() && !order.stopReachedBy(last)) {
            stops.add(order);
            return events;
        }
        order.triggered = order.type.hasStop();
        enter(order, events);
        triggerStops(events);
        return events;
    }

    private String invalid(EngineOrder order) {
        if (live.containsKey(order.clientOrderId)) {
            return "Duplicate ClOrdID " + order.clientOrderId;
        }
        if (order.quantity <= 0) {
            return "Order quantity must be positive";
        }
        if (order.type.hasLimit() && (order.limitPrice == null || order.limitPrice.signum() <= 0)) {
            return "A limit order needs a positive price";
        }
        if (order.type.hasStop() && (order.stopPrice == null || order.stopPrice.signum() <= 0)) {
            return "A stop order needs a positive stop price";
        }
        return null;
    }

    /** Trades the order against the book, then rests it or cancels what is left. */
    private void enter(EngineOrder order, List<BookEvent> events) {
        match(order, events);
        if (order.leaves() == 0) {
            return;
        }
        if (order.atMarket() || order.timeInForce == TimeInForce.IOC) {
            finish(order);
            events.add(BookEvent.of(BookEvent.Kind.CANCELLED, order, order.atMarket()
                    ? "No more liquidity for the market order" : "IOC: not filled at once"));
            return;
        }
        (order.side == Side.BUY ? bids : asks).computeIfAbsent(order.limitPrice, price -> new ArrayDeque<>()).addLast(order);
    }

    private void match(EngineOrder taker, List<BookEvent> events) {
        NavigableMap<BigDecimal, Deque<EngineOrder>> opposite = taker.side == Side.BUY ? asks : bids;
        while (taker.leaves() > 0 && !opposite.isEmpty()) {
            Map.Entry<BigDecimal, Deque<EngineOrder>> level = opposite.firstEntry();
            if (!taker.accepts(level.getKey())) {
                return;
            }
            EngineOrder maker = level.getValue().peekFirst();
            long quantity = Math.min(taker.leaves(), maker.leaves());
            BigDecimal price = level.getKey();
            taker.filled += quantity;
            maker.filled += quantity;
            last = price;
            events.add(trade(taker, quantity, price));
            events.add(trade(maker, quantity, price));
            if (maker.leaves() == 0) {
                level.getValue().pollFirst();
                finish(maker);
                if (level.getValue().isEmpty()) {
                    opposite.pollFirstEntry();
                }
            }
            if (taker.leaves() == 0) {
                finish(taker);
            }
        }
    }

    private static BookEvent trade(EngineOrder order, long quantity, BigDecimal price) {
        return new BookEvent(BookEvent.Kind.TRADE, order.exchangeOrderId, order.clientOrderId, null, order.owner, quantity,
                price, order.filled, order.quantity - order.filled, null);
    }

    /** Stops reached by the last trade enter the book, oldest first; their trades may reach further stops. */
    private void triggerStops(List<BookEvent> events) {
        boolean again = true;
        while (again) {
            again = false;
            Iterator<EngineOrder> waiting = stops.iterator();
            while (waiting.hasNext()) {
                EngineOrder stop = waiting.next();
                if (stop.stopReachedBy(last)) {
                    waiting.remove();
                    stop.triggered = true;
                    enter(stop, events);
                    again = true;
                    break;
                }
            }
        }
    }

    List<BookEvent> cancel(String clientOrderId, String originalClientOrderId) {
        EngineOrder order = live.get(originalClientOrderId);
        if (order == null) {
            return List.of(new BookEvent(BookEvent.Kind.CANCEL_REJECTED, null, clientOrderId, originalClientOrderId, null, 0,
                    null, 0, 0, "Too late to cancel: the order is no longer in the book"));
        }
        remove(order);
        finish(order);
        String previous = order.clientOrderId;
        order.clientOrderId = clientOrderId;
        BookEvent cancelled = new BookEvent(BookEvent.Kind.CANCELLED, order.exchangeOrderId, clientOrderId, previous,
                order.owner, 0, null, order.filled, 0, "Cancelled at the owner's request");
        return List.of(cancelled);
    }

    /**
     * Cancel-replace: a new total quantity (more than is filled) and prices. The order
     * keeps its place when only its quantity shrinks; otherwise it queues anew and
     * may trade at once.
     */
    List<BookEvent> replace(String clientOrderId, String originalClientOrderId, long quantity, BigDecimal limitPrice,
            BigDecimal stopPrice) {
        EngineOrder order = live.get(originalClientOrderId);
        if (order == null) {
            return List.of(new BookEvent(BookEvent.Kind.REPLACE_REJECTED, null, clientOrderId, originalClientOrderId, null, 0,
                    null, 0, 0, "Too late to replace: the order is no longer in the book"));
        }
        if (quantity <= order.filled) {
            return List.of(new BookEvent(BookEvent.Kind.REPLACE_REJECTED, order.exchangeOrderId, clientOrderId,
                    originalClientOrderId, order.owner, 0, null, order.filled, order.leaves(),
                    "The new quantity must be more than the " + order.filled + " filled"));
        }
        if (order.type.hasLimit() && (limitPrice == null || limitPrice.signum() <= 0)
                || order.type.hasStop() && !order.triggered && (stopPrice == null || stopPrice.signum() <= 0)) {
            return List.of(new BookEvent(BookEvent.Kind.REPLACE_REJECTED, order.exchangeOrderId, clientOrderId,
                    originalClientOrderId, order.owner, 0, null, order.filled, order.leaves(), "Prices missing"));
        }
        boolean keepsPlace = quantity <= order.quantity && equal(limitPrice, order.limitPrice)
                && (order.triggered || equal(stopPrice, order.stopPrice));
        List<BookEvent> events = new ArrayList<>();
        String previous = order.clientOrderId;
        track(order, clientOrderId);
        order.clientOrderId = clientOrderId;
        order.quantity = quantity;
        if (keepsPlace) {
            events.add(new BookEvent(BookEvent.Kind.REPLACED, order.exchangeOrderId, clientOrderId, previous, order.owner, 0,
                    null, order.filled, order.leaves(), null));
            return events;
        }
        boolean resting = remove(order);
        order.limitPrice = limitPrice;
        if (!order.triggered) {
            order.stopPrice = stopPrice;
        }
        order.sequence = ++sequence;
        events.add(new BookEvent(BookEvent.Kind.REPLACED, order.exchangeOrderId, clientOrderId, previous, order.owner, 0,
                null, order.filled, order.leaves(), null));
        if (!resting && order.type.hasStop() && !order.triggered && !order.stopReachedBy(last)) {
            stops.add(order);
            return events;
        }
        order.triggered = order.type.hasStop();
        enter(order, events);
        triggerStops(events);
        return events;
    }

    /** The end of the trading day: day orders still open expire, GTC stay. */
    List<BookEvent> closeDay() {
        List<BookEvent> events = new ArrayList<>();
        List<EngineOrder> expiring = live.values().stream().distinct()
                .filter(order -> order.timeInForce == TimeInForce.DAY && !order.done)
                .sorted(Comparator.comparingLong(order -> order.sequence)).toList();
        for (EngineOrder order : expiring) {
            remove(order);
            finish(order);
            events.add(new BookEvent(BookEvent.Kind.EXPIRED, order.exchangeOrderId, order.clientOrderId, null, order.owner,
                    0, null, order.filled, 0, "Day order expired at the close"));
        }
        if (last != null) {
            reference = last;
        }
        return events;
    }

    /** Takes the order out of its price level or the stops; whether it was resting in a level. */
    private boolean remove(EngineOrder order) {
        if (stops.remove(order)) {
            return false;
        }
        NavigableMap<BigDecimal, Deque<EngineOrder>> side = order.side == Side.BUY ? bids : asks;
        Deque<EngineOrder> level = order.limitPrice == null ? null : side.get(order.limitPrice);
        if (level != null && level.remove(order)) {
            if (level.isEmpty()) {
                side.remove(order.limitPrice);
            }
            return true;
        }
        return false;
    }

    private void track(EngineOrder order, String clientOrderId) {
        live.put(clientOrderId, order);
        order.clientOrderIds.add(clientOrderId);
    }

    private void finish(EngineOrder order) {
        order.done = true;
        order.clientOrderIds.forEach(live::remove);
    }

    private static boolean equal(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
