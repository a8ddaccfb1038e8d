package kz.qyzmet.trading.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.trading.api.Instrument;
import kz.qyzmet.trading.api.OrderType;
import kz.qyzmet.trading.api.Side;

/** The pre-trade checks and holds (issue #17, rules §30), the tariff and settlement dates. */
class PreTradeTest {
    private static final Instrument HALYK = new Instrument("KZ000A0LE0S4", "HSBK", "KASE", "Halyk Bank", "KZT", 10,
            new BigDecimal("0.05"), LocalTime.of(11, 30), LocalTime.of(17, 0), 3);
    /** Wednesday 2026-12-02 12:00 in Almaty (UTC+5). */
    private static final Instant OPEN = Instant.parse("2026-12-02T07:00:00Z");
    private final Tariff tariff = new Tariff(new BigDecimal("0.05"), Map.of("KZT", new BigDecimal("100")),
            new BigDecimal("5"));
    private final PreTrade preTrade = new PreTrade(tariff, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), 1000);

    private PreTrade.Terms check(Side side, OrderType type, long lots, String limit, String stop, String last, Instant at) {
        return preTrade.check(HALYK, side, type, lots, limit == null ? null : new BigDecimal(limit),
                stop == null ? null : new BigDecimal(stop), last == null ? null : new BigDecimal(last), at, 2, 0,
                BigDecimal.ZERO);
    }

    @Test
    void aLimitBuyHoldsPriceTimesUnitsAndTheFee() {
        PreTrade.Terms terms = check(Side.BUY, OrderType.LIMIT, 30, "250.05", null, null, OPEN);
        // 30 lots of 10 = 300 units × 250.05 = 75,015.00; fee 0.05 % = 37.51, at least 100
        assertEquals(300, terms.estimate().quantity());
        assertEquals(new BigDecimal("75015.00"), terms.estimate().amount());
        assertEquals(new BigDecimal("100.00"), terms.estimate().fee());
        assertEquals(new BigDecimal("75115.00"), terms.estimate().holdAmount());
        assertEquals("KZT", terms.estimate().holdAsset());
        assertEquals(OrderType.LIMIT, terms.sentType());
    }

    @Test
    void aSellHoldsTheSecuritiesThemselves() {
        PreTrade.Terms terms = check(Side.SELL, OrderType.LIMIT, 2, "250.00", null, null, OPEN);
        assertEquals("KZ000A0LE0S4", terms.estimate().holdAsset());
        assertEquals(BigDecimal.valueOf(20), terms.estimate().holdAmount());
    }

    @Test
    void aMarketOrderGoesAsALimitAtTheCollarFromTheLastPrice() {
        PreTrade.Terms buy = check(Side.BUY, OrderType.MARKET, 1, null, null, "250.00", OPEN);
        assertEquals(OrderType.LIMIT, buy.sentType());
        assertEquals(0, new BigDecimal("262.50").compareTo(buy.sentLimit()));
        PreTrade.Terms sell = check(Side.SELL, OrderType.MARKET, 1, null, null, "250.01", OPEN);
        // 250.01 × 0.95 = 237.5095, down to the tick of 0.05
        assertEquals(0, new BigDecimal("237.50").compareTo(sell.sentLimit()));
        ProblemException noPrice = assertThrows(ProblemException.class,
                () -> check(Side.BUY, OrderType.MARKET, 1, null, null, null, OPEN));
        assertEquals("NO_MARKET_PRICE", noPrice.extensions().get("reason"));
    }

    @Test
    void aStopOrderGoesAsAStopLimitAtTheCollarFromItsStop() {
        PreTrade.Terms terms = check(Side.BUY, OrderType.STOP, 1, null, "260.00", null, OPEN);
        assertEquals(OrderType.STOP_LIMIT, terms.sentType());
        assertEquals(0, new BigDecimal("273.00").compareTo(terms.sentLimit()));
    }

    @Test
    void pricesOffTheTickAndWrongPricesForTheTypeAreRefusedNamingTheField() {
        assertEquals("limitPrice", field(() -> check(Side.BUY, OrderType.LIMIT, 1, "250.03", null, null, OPEN)));
        assertEquals("limitPrice", field(() -> check(Side.BUY, OrderType.LIMIT, 1, null, null, null, OPEN)));
        assertEquals("limitPrice", field(() -> check(Side.BUY, OrderType.MARKET, 1, "250.00", null, "250", OPEN)));
        assertEquals("stopPrice", field(() -> check(Side.BUY, OrderType.STOP_LIMIT, 1, "250.00", "250.02", null, OPEN)));
        assertEquals("stopPrice", field(() -> check(Side.BUY, OrderType.LIMIT, 1, "250.00", "250.00", null, OPEN)));
        assertEquals("lots", field(() -> check(Side.BUY, OrderType.LIMIT, 0, "250.00", null, null, OPEN)));
        assertEquals("lots", field(() -> check(Side.BUY, OrderType.LIMIT, 1001, "250.00", null, null, OPEN)));
    }

    @Test
    void outsideTradingHoursAndOnDaysOffNothingGoes() {
        ProblemException early = assertThrows(ProblemException.class,
                () -> check(Side.BUY, OrderType.LIMIT, 1, "250.00", null, null, Instant.parse("2026-12-02T06:29:00Z")));
        assertEquals(409, early.status());
        assertEquals("MARKET_CLOSED", early.extensions().get("reason"));
        assertThrows(ProblemException.class,
                () -> check(Side.BUY, OrderType.LIMIT, 1, "250.00", null, null, Instant.parse("2026-12-02T12:00:00Z")));
        // Saturday noon
        assertThrows(ProblemException.class,
                () -> check(Side.BUY, OrderType.LIMIT, 1, "250.00", null, null, Instant.parse("2026-12-05T07:00:00Z")));
    }

    @Test
    void theFeeOfAnOrderIsChargedFillByFillAndAddsUpToTheFeeOfTheWhole() {
        // 0.05 % with a least fee of 100 per order: the first fill pays the least fee, later ones only what exceeds it
        BigDecimal first = tariff.fee(new BigDecimal("50000.00"), "KZT", 2);
        BigDecimal second = tariff.fee(new BigDecimal("450000.00"), "KZT", 2).subtract(first);
        assertEquals(new BigDecimal("100.00"), first);
        assertEquals(new BigDecimal("125.00"), second);
        assertEquals(tariff.fee(new BigDecimal("450000.00"), "KZT", 2), first.add(second));
        assertEquals(new BigDecimal("0.00"), tariff.fee(BigDecimal.ZERO, "KZT", 2));
    }

    @Test
    void settlementFallsOnTradingDays() {
        EnumSet<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        assertEquals(LocalDate.of(2026, 12, 7), ExecutionProcessor.settlementDate(LocalDate.of(2026, 12, 3), 2, weekdays));
        assertEquals(LocalDate.of(2026, 12, 3), ExecutionProcessor.settlementDate(LocalDate.of(2026, 12, 3), 0, weekdays));
    }

    private static String field(org.junit.jupiter.api.function.Executable check) {
        ProblemException problem = assertThrows(ProblemException.class, check);
        assertEquals(400, problem.status());
        return String.valueOf(problem.extensions().get("field"));
    }
}
