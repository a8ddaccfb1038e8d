package kz.qyzmet.instructions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Deadlines of staff processing (rules §7.2: 3 business days) on Kazakhstan's calendar. */
class BusinessCalendarTest {
    private final BusinessCalendar calendar = new BusinessCalendar(
            new String[] { InstructionsConfigurationDefaults.NATIONAL_HOLIDAYS },
            new String[] { InstructionsConfigurationDefaults.RELIGIOUS_HOLIDAYS }, new String[] { "2026-05-27" },
            new String[0]);

    @Test
    void weekendsAreNotBusinessDays() {
        assertTrue(calendar.isBusinessDay(LocalDate.of(2026, 11, 27))); // Friday
        assertFalse(calendar.isBusinessDay(LocalDate.of(2026, 11, 28)));
        assertFalse(calendar.isBusinessDay(LocalDate.of(2026, 11, 29)));
    }

    @Test
    void threeBusinessDaysFromWednesdaySkipTheWeekend() {
        // received Wed 25 Nov 2026 → Thu 26, Fri 27, Mon 30
        assertEquals(LocalDate.of(2026, 11, 30), calendar.plusBusinessDays(LocalDate.of(2026, 11, 25), 3));
    }

    @Test
    void publicHolidaysAreSkipped() {
        // Independence Day Wed 16 Dec 2026: received Tue 15 → Thu 17, Fri 18, Mon 21
        assertFalse(calendar.isBusinessDay(LocalDate.of(2026, 12, 16)));
        assertEquals(LocalDate.of(2026, 12, 21), calendar.plusBusinessDays(LocalDate.of(2026, 12, 15), 3));
    }

    @Test
    void aNationalHolidayOnAWeekendMovesTheDayOffToMonday() {
        // Nauryz 2026: Sat 21, Sun 22, Mon 23 March; the 21st and 22nd fell on days off → Tue 24 and Wed 25 are days off
        assertFalse(calendar.isBusinessDay(LocalDate.of(2026, 3, 23)));
        assertFalse(calendar.isBusinessDay(LocalDate.of(2026, 3, 24)));
        assertFalse(calendar.isBusinessDay(LocalDate.of(2026, 3, 25)));
        assertTrue(calendar.isBusinessDay(LocalDate.of(2026, 3, 26)));
    }

    @Test
    void religiousHolidaysDoNotMove() {
        // Orthodox Christmas Thu 7 Jan 2027 is a holiday; Kurban Ait 2026 (27 May) is configured by date
        assertFalse(calendar.isBusinessDay(LocalDate.of(2027, 1, 7)));
        assertFalse(calendar.isBusinessDay(LocalDate.of(2026, 5, 27)));
        // Orthodox Christmas on Sunday 7 Jan 2029: Monday the 8th stays a working day
        assertTrue(calendar.isBusinessDay(LocalDate.of(2029, 1, 8)));
    }

    @Test
    void aGovernmentTransferMakesASaturdayWorking() {
        BusinessCalendar transferred = new BusinessCalendar(new String[] { InstructionsConfigurationDefaults.NATIONAL_HOLIDAYS },
                new String[0], new String[] { "2026-01-05" }, new String[] { "2026-01-03" });
        assertTrue(transferred.isBusinessDay(LocalDate.of(2026, 1, 3)));
        assertFalse(transferred.isBusinessDay(LocalDate.of(2026, 1, 5)));
    }

    @Test
    void theDeadlineIsTheEndOfTheLastDayInAlmaty() {
        // received Wed 25 Nov 2026 at 10:00 Almaty (05:00 UTC): due by the end of Mon 30 Nov Almaty = 30 Nov 19:00 UTC
        assertEquals(Instant.parse("2026-11-30T19:00:00Z"), calendar.deadline(Instant.parse("2026-11-25T05:00:00Z"), 3));
    }
}
