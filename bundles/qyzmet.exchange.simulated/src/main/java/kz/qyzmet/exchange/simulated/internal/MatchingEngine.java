package kz.qyzmet.exchange.simulated.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import kz.qyzmet.trading.api.OrderType;
import kz.qyzmet.trading.api.Side;
import kz.qyzmet.trading.api.TimeInForce;

/**
 * The simulated exchange's books, one per instrument (made when first used):
 * each book serves one caller at a time, books trade independently.
 */
final class MatchingEngine {
    private final Map<String, OrderBook> books = new ConcurrentHashMap<>();
    private final AtomicLong orderIds = new AtomicLong();
    private final String prefix;

    MatchingEngine(String prefix) {
        this.prefix = prefix;
    }

    OrderBook book(String isin) {
        return books.computeIfAbsent(isin, OrderBook::new);
    }

    Optional<OrderBook> existing(String isin) {
        return Optional.ofNullable(books.get(isin));
    }

    List<BookEvent> submit(String isin, String clientOrderId, String owner, Side side, OrderType type, TimeInForce timeInForce,
            long quantity, BigDecimal limitPrice, BigDecimal stopPrice) {
        OrderBook book = book(isin);
        EngineOrder order = new EngineOrder(prefix + orderIds.incrementAndGet(), clientOrderId, owner, side, type,
                timeInForce, quantity, limitPrice, stopPrice);
        synchronized (book) {
            return book.submit(order);
        }
    }

    List<BookEvent> cancel(String isin, String clientOrderId, String originalClientOrderId) {
        OrderBook book = book(isin);
        synchronized (book) {
            return book.cancel(clientOrderId, originalClientOrderId);
        }
    }

    List<BookEvent> replace(String isin, String clientOrderId, String originalClientOrderId, long quantity,
            BigDecimal limitPrice, BigDecimal stopPrice) {
        OrderBook book = book(isin);
        synchronized (book) {
            return book.replace(clientOrderId, originalClientOrderId, quantity, limitPrice, stopPrice);
        }
    }

    /** The close of the day on every book: day orders expire. */
    List<BookEvent> closeDay() {
        List<BookEvent> events = new java.util.ArrayList<>();
        for (OrderBook book : books.values()) {
            synchronized (book) {
                events.addAll(book.closeDay());
            }
        }
        return events;
    }

    java.util.Collection<OrderBook> books() {
        return books.values();
    }
}
