package kz.qyzmet.documents.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;

/**
 * At most {@code perMinute} requests per client address in each minute (issue
 * #13: the public lookup cannot be used to sweep through documents). Counts are
 * kept per node, in memory; a refusal says when to come back.
 */
final class AddressRateLimit {
    private static final long MINUTE = Duration.ofMinutes(1).toMillis();
    /** Beyond this many addresses, the windows that are over are forgotten. */
    private static final int TIDY_ABOVE = 10_000;

    private final int perMinute;
    private final Supplier<Clock> clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(long minute, int count) {
    }

    AddressRateLimit(int perMinute, Supplier<Clock> clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts one request from {@code address}; refuses it with 429 once the minute's allowance is spent. */
    void admit(String address) {
        long now = clock.get().millis();
        long minute = now / MINUTE;
        Window window = windows.compute(address == null ? "" : address, (key, current) -> current == null
                || current.minute() != minute ? new Window(minute, 1) : new Window(minute, current.count() + 1));
        if (windows.size() > TIDY_ABOVE) {
            windows.values().removeIf(other -> other.minute() != minute);
        }
        if (window.count() > perMinute) {
            long retryAfter = Math.max(1, ((minute + 1) * MINUTE - now + 999) / 1000);
            throw new ProblemException(429, CommonProblems.TOO_MANY_REQUESTS, LocalizedText.of(
                    "Бір мекенжайдан минутына {limit} тексеруден артық емес; {seconds} секундтан кейін қайталаңыз.",
                    "Не более {limit} проверок в минуту с одного адреса; повторите через {seconds} с.",
                    "At most {limit} verifications a minute from one address; try again in {seconds} s.")
                    .format(Map.of("limit", perMinute, "seconds", retryAfter)),
                    Map.of("limit", perMinute, "retryAfterSeconds", retryAfter), Map.of("Retry-After", String.valueOf(retryAfter)));
        }
    }
}
