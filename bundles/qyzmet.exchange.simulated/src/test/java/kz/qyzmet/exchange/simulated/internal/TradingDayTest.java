package kz.qyzmet.exchange.simulated.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

/** The simulated exchange's close comes once a day, at its time in Almaty (UTC+5). */
class TradingDayTest {

    @Test
    void theCloseComesOncePerDayAtItsTime() {
        // started at 12:00 Almaty, the close at 18:00
        TradingDay day = new TradingDay(LocalTime.of(18, 0), Instant.parse("2026-12-03T07:00:00Z"));
        assertFalse(day.closes(Instant.parse("2026-12-03T12:59:00Z")));
        assertTrue(day.closes(Instant.parse("2026-12-03T13:00:00Z")));
        assertFalse(day.closes(Instant.parse("2026-12-03T13:01:00Z")));
        assertFalse(day.closes(Instant.parse("2026-12-04T07:00:00Z")));
        assertTrue(day.closes(Instant.parse("2026-12-04T13:30:00Z")));
    }

    @Test
    void aStartAfterTheCloseDoesNotCloseThatDayAgain() {
        TradingDay day = new TradingDay(LocalTime.of(18, 0), Instant.parse("2026-12-03T14:00:00Z"));
        assertFalse(day.closes(Instant.parse("2026-12-03T15:00:00Z")));
        assertTrue(day.closes(Instant.parse("2026-12-04T13:00:00Z")));
    }
}
