package kz.qyzmet.exchange.simulated.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import kz.qyzmet.trading.api.OrderType;
import kz.qyzmet.trading.api.Side;
import kz.qyzmet.trading.api.TimeInForce;

/**
 * The simulated exchange's matching against a table of known cases (issue #17):
 * each case is a sequence of orders and the events it must give, written as
 * {@code KIND id qty@price cum/leaves}.
 */
class OrderBookTest {
    private MatchingEngine engine;

    @BeforeEach
    void engine() {
        engine = new MatchingEngine("X");
    }

    private List<BookEvent> limit(String id, Side side, long quantity, String price) {
        return engine.submit("KZ1", id, "t", side, OrderType.LIMIT, TimeInForce.DAY, quantity, new BigDecimal(price), null);
    }

    private List<BookEvent> order(String id, Side side, OrderType type, TimeInForce tif, long quantity, String limit,
            String stop) {
        return engine.submit("KZ1", id, "t", side, type, tif, quantity, limit == null ? null : new BigDecimal(limit),
                stop == null ? null : new BigDecimal(stop));
    }

    /** Events as compact text, e.g. {@code TRADE b1 60@10 60/0}. */
    private static String text(List<BookEvent> events) {
        return events.stream().map(event -> event.kind() + " " + event.clientOrderId()
                + (event.kind() == BookEvent.Kind.TRADE ? " " + event.lastQuantity() + "@" + event.lastPrice().toPlainString()
                        : "")
                + " " + event.cumulative() + "/" + event.leaves()).collect(Collectors.joining("; "));
    }

    @Test
    void aLimitOrderRestsWhenNothingCrossesIt() {
        assertEquals("ACCEPTED b1 0/10", text(limit("b1", Side.BUY, 10, "10.00")));
        assertEquals(0, new BigDecimal("10.00").compareTo(engine.book("KZ1").bestBid()));
        assertNull(engine.book("KZ1").bestAsk());
    }

    @Test
    void aCrossingOrderTradesAtTheRestingPriceAndTheMakerKeepsItsRest() {
        limit("s1", Side.SELL, 100, "9.90");
        assertEquals("ACCEPTED b1 0/60; TRADE b1 60@9.90 60/0; TRADE s1 60@9.90 60/40", text(limit("b1", Side.BUY, 60, "10.00")));
        assertEquals(0, new BigDecimal("9.90").compareTo(engine.book("KZ1").last()));
    }

    @Test
    void theBestPriceTradesFirst() {
        limit("s1", Side.SELL, 10, "10.10");
        limit("s2", Side.SELL, 10, "10.00");
        assertEquals("ACCEPTED b1 0/15; TRADE b1 10@10.00 10/5; TRADE s2 10@10.00 10/0; TRADE b1 5@10.10 15/0;"
                + " TRADE s1 5@10.10 5/5", text(order("b1", Side.BUY, OrderType.MARKET, TimeInForce.DAY, 15, null, null)));
    }

    @Test
    void atOnePriceTheEarlierOrderTradesFirst() {
        limit("s1", Side.SELL, 10, "10.00");
        limit("s2", Side.SELL, 10, "10.00");
        assertEquals("ACCEPTED b1 0/10; TRADE b1 10@10.00 10/0; TRADE s1 10@10.00 10/0", text(limit("b1", Side.BUY, 10, "10.00")));
        assertEquals(List.of(java.util.Map.entry(new BigDecimal("10.00"), 10L)), engine.book("KZ1").depth(Side.SELL, 5));
    }

    @Test
    void aLimitOrderStopsAtItsLimitAndRestsTheRest() {
        limit("b1", Side.BUY, 5, "10.00");
        limit("b2", Side.BUY, 5, "9.90");
        limit("b3", Side.BUY, 5, "9.80");
        assertEquals("ACCEPTED s1 0/12; TRADE s1 5@10.00 5/7; TRADE b1 5@10.00 5/0; TRADE s1 5@9.90 10/2;"
                + " TRADE b2 5@9.90 5/0", text(limit("s1", Side.SELL, 12, "9.90")));
        assertEquals(0, new BigDecimal("9.90").compareTo(engine.book("KZ1").bestAsk()));
        assertEquals(0, new BigDecimal("9.80").compareTo(engine.book("KZ1").bestBid()));
    }

    @Test
    void aMarketOrderWithoutLiquidityIsCancelledNeverRests() {
        assertEquals("ACCEPTED b1 0/10; CANCELLED b1 0/0", text(order("b1", Side.BUY, OrderType.MARKET, TimeInForce.DAY, 10,
                null, null)));
        assertNull(engine.book("KZ1").bestBid());
    }

    @Test
    void anIocOrderTradesWhatItCanAndCancelsTheRest() {
        limit("s1", Side.SELL, 5, "10.00");
        assertEquals("ACCEPTED b1 0/10; TRADE b1 5@10.00 5/5; TRADE s1 5@10.00 5/0; CANCELLED b1 5/0",
                text(order("b1", Side.BUY, OrderType.LIMIT, TimeInForce.IOC, 10, "10.00", null)));
        assertNull(engine.book("KZ1").bestBid());
    }

    @Test
    void aStopOrderWaitsForATradeAtItsStopThenTradesAtMarket() {
        assertEquals("ACCEPTED st 0/5", text(order("st", Side.BUY, OrderType.STOP, TimeInForce.DAY, 5, null, "10.50")));
        limit("s1", Side.SELL, 3, "10.40");
        limit("s2", Side.SELL, 10, "10.60");
        // a trade below the stop leaves it waiting
        assertEquals("ACCEPTED b1 0/3; TRADE b1 3@10.40 3/0; TRADE s1 3@10.40 3/0", text(limit("b1", Side.BUY, 3, "10.40")));
        // a trade at 10.60 reaches the stop: the stop buys the rest at market
        assertEquals("ACCEPTED b2 0/1; TRADE b2 1@10.60 1/0; TRADE s2 1@10.60 1/9; TRADE st 5@10.60 5/0;"
                + " TRADE s2 5@10.60 6/4", text(limit("b2", Side.BUY, 1, "10.60")));
    }

    @Test
    void aStopLimitOrderEntersTheBookAtItsLimit() {
        order("sl", Side.SELL, OrderType.STOP_LIMIT, TimeInForce.GTC, 5, "9.50", "9.80");
        limit("b1", Side.BUY, 2, "9.70");
        assertEquals("ACCEPTED s1 0/2; TRADE s1 2@9.70 2/0; TRADE b1 2@9.70 2/0", text(limit("s1", Side.SELL, 2, "9.70")));
        assertEquals(0, new BigDecimal("9.50").compareTo(engine.book("KZ1").bestAsk()));
    }

    @Test
    void aStopAlreadyReachedTradesAtOnce() {
        limit("s1", Side.SELL, 1, "10.00");
        limit("b1", Side.BUY, 1, "10.00");
        limit("s2", Side.SELL, 4, "10.10");
        assertEquals("ACCEPTED st 0/2; TRADE st 2@10.10 2/0; TRADE s2 2@10.10 2/2",
                text(order("st", Side.BUY, OrderType.STOP, TimeInForce.DAY, 2, null, "9.00")));
    }

    @Test
    void aRestingOrderCancelsOnceAndThenIsTooLate() {
        limit("b1", Side.BUY, 10, "10.00");
        assertEquals("CANCELLED c1 0/0", text(engine.cancel("KZ1", "c1", "b1")));
        assertEquals("CANCEL_REJECTED c2 0/0", text(engine.cancel("KZ1", "c2", "b1")));
        assertNull(engine.book("KZ1").bestBid());
    }

    @Test
    void aFilledOrderCannotBeCancelled() {
        limit("s1", Side.SELL, 10, "10.00");
        limit("b1", Side.BUY, 10, "10.00");
        assertEquals(BookEvent.Kind.CANCEL_REJECTED, engine.cancel("KZ1", "c1", "s1").get(0).kind());
    }

    @Test
    void aSmallerReplaceKeepsItsPlaceALargerOneQueuesAnew() {
        limit("s1", Side.SELL, 10, "10.00");
        limit("s2", Side.SELL, 10, "10.00");
        assertEquals("REPLACED r1 0/6", text(engine.replace("KZ1", "r1", "s1", 6, new BigDecimal("10.00"), null)));
        assertEquals("ACCEPTED b1 0/6; TRADE b1 6@10.00 6/0; TRADE r1 6@10.00 6/0", text(limit("b1", Side.BUY, 6, "10.00")));
        limit("s3", Side.SELL, 10, "10.00");
        assertEquals("REPLACED r2 0/20", text(engine.replace("KZ1", "r2", "s2", 20, new BigDecimal("10.00"), null)));
        // s3 is now ahead of the grown s2
        assertEquals("ACCEPTED b2 0/10; TRADE b2 10@10.00 10/0; TRADE s3 10@10.00 10/0", text(limit("b2", Side.BUY, 10, "10.00")));
    }

    @Test
    void aReplaceToACrossingPriceTradesAtOnce() {
        limit("s1", Side.SELL, 10, "10.00");
        limit("b1", Side.BUY, 10, "9.90");
        assertEquals("REPLACED r1 0/10; TRADE r1 10@10.00 10/0; TRADE s1 10@10.00 10/0",
                text(engine.replace("KZ1", "r1", "b1", 10, new BigDecimal("10.00"), null)));
    }

    @Test
    void aReplaceToNoMoreThanIsFilledIsRefused() {
        limit("s1", Side.SELL, 10, "10.00");
        limit("b1", Side.BUY, 4, "10.00");
        assertEquals("REPLACE_REJECTED r1 4/6", text(engine.replace("KZ1", "r1", "s1", 4, new BigDecimal("10.00"), null)));
        assertEquals("REPLACED r2 4/1", text(engine.replace("KZ1", "r2", "s1", 5, new BigDecimal("10.00"), null)));
    }

    @Test
    void theCloseExpiresDayOrdersAndKeepsGoodTillCancelled() {
        limit("d1", Side.BUY, 10, "9.00");
        order("g1", Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 10, "8.00", null);
        assertEquals("EXPIRED d1 0/0", text(engine.closeDay()));
        assertEquals(0, new BigDecimal("8.00").compareTo(engine.book("KZ1").bestBid()));
    }

    @Test
    void malformedAndDuplicateOrdersAreRejected() {
        assertEquals("REJECTED z 0/0", text(limit("z", Side.BUY, 0, "10.00")));
        assertEquals("REJECTED n 0/0", text(order("n", Side.BUY, OrderType.LIMIT, TimeInForce.DAY, 1, null, null)));
        limit("d", Side.BUY, 1, "10.00");
        assertEquals(BookEvent.Kind.REJECTED, limit("d", Side.BUY, 1, "10.00").get(0).kind());
    }
}
