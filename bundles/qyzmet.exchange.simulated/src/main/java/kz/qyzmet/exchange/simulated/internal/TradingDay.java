package kz.qyzmet.exchange.simulated.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When the simulated exchange's trading day ends (issue #17: day orders expire
 * at the close): at {@code close} Almaty time each day. Asked every so often by
 * the platform's clock, it says once per day that the close has come.
 */
final class TradingDay {
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private final LocalTime close;
    private LocalDate lastClosed;

    TradingDay(LocalTime close, Instant now) {
        this.close = close;
        // a start after today's close does not close today again
        java.time.ZonedDateTime local = now.atZone(ALMATY);
        this.lastClosed = local.toLocalTime().isBefore(close) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
    }

    /** Whether the close has come since it was last asked; true once per day. */
    synchronized boolean closes(Instant now) {
        java.time.ZonedDateTime local = now.atZone(ALMATY);
        LocalDate due = local.toLocalTime().isBefore(close) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
        if (due.isAfter(lastClosed)) {
            lastClosed = due;
            return true;
        }
        return false;
    }
}
