package kz.qyzmet.instructions.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The broker's working calendar for staff deadlines (rules §7.2: "within 3 business
 * days"). Saturdays and Sundays are days off; so are the public holidays of
 * Kazakhstan. A national holiday that falls on a day off moves the day off to the
 * next working day (Law "On holidays in the Republic of Kazakhstan", art. 5);
 * religious holidays (Orthodox Christmas, Kurban Ait) do not move. Kurban Ait's
 * date and the government's yearly transfers of days off are configured per year.
 */
final class BusinessCalendar {
    static final ZoneId BROKER_ZONE = ZoneId.of("Asia/Almaty");

    private final Set<MonthDay> nationalHolidays;
    private final Set<MonthDay> religiousHolidays;
    private final Set<LocalDate> extraHolidays;
    private final Set<LocalDate> extraWorkingDays;
    private final Map<Integer, Set<LocalDate>> carriedOver = new ConcurrentHashMap<>();

    BusinessCalendar(String[] nationalHolidays, String[] religiousHolidays, String[] extraHolidays, String[] extraWorkingDays) {
        this.nationalHolidays = monthDays(nationalHolidays, "national holidays");
        this.religiousHolidays = monthDays(religiousHolidays, "religious holidays");
        this.extraHolidays = dates(extraHolidays, "extra holidays");
        this.extraWorkingDays = dates(extraWorkingDays, "extra working days");
    }

    boolean isBusinessDay(LocalDate day) {
        if (extraWorkingDays.contains(day)) {
            return true;
        }
        return !isWeekend(day) && !isHoliday(day) && !carriedOver(day.getYear()).contains(day);
    }

    /**
     * The working days that became days off because a national holiday fell on a
     * Saturday or Sunday: each such holiday moves one day off to the first working
     * day after it that is not already a holiday or a moved day off.
     */
    private Set<LocalDate> carriedOver(int year) {
        return carriedOver.computeIfAbsent(year, y -> {
            Set<LocalDate> moved = new HashSet<>();
            // a holiday of late December can move a day off into January
            for (LocalDate day = LocalDate.of(y - 1, 12, 1); !day.isAfter(LocalDate.of(y, 12, 31)); day = day.plusDays(1)) {
                if (isWeekend(day) && nationalHolidays.contains(MonthDay.from(day)) && !extraWorkingDays.contains(day)) {
                    LocalDate next = day.plusDays(1);
                    while (isWeekend(next) || isHoliday(next) || moved.contains(next) || extraWorkingDays.contains(next)) {
                        next = next.plusDays(1);
                    }
                    moved.add(next);
                }
            }
            return Set.copyOf(moved);
        });
    }

    private boolean isHoliday(LocalDate day) {
        return extraHolidays.contains(day) || religiousHolidays.contains(MonthDay.from(day))
                || nationalHolidays.contains(MonthDay.from(day));
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** The n-th business day after {@code from} (the day of receipt does not count). */
    LocalDate plusBusinessDays(LocalDate from, int days) {
        LocalDate day = from;
        for (int counted = 0; counted < days;) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** The deadline of work received at {@code received}: the end of the n-th business day after, Almaty time. */
    Instant deadline(Instant received, int businessDays) {
        LocalDate receivedOn = received.atZone(BROKER_ZONE).toLocalDate();
        return plusBusinessDays(receivedOn, businessDays).plusDays(1).atStartOfDay(BROKER_ZONE).toInstant();
    }

    private static Set<MonthDay> monthDays(String[] values, String what) {
        Set<MonthDay> days = new HashSet<>();
        for (String value : values == null ? new String[0] : values) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    try {
                        days.add(MonthDay.parse("--" + part.trim()));
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException(what + ": '" + part.trim() + "' is not MM-dd", e);
                    }
                }
            }
        }
        return Set.copyOf(days);
    }

    private static Set<LocalDate> dates(String[] values, String what) {
        Set<LocalDate> days = new HashSet<>();
        for (String value : values == null ? new String[0] : values) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    try {
                        days.add(LocalDate.parse(part.trim()));
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException(what + ": '" + part.trim() + "' is not yyyy-MM-dd", e);
                    }
                }
            }
        }
        return Set.copyOf(days);
    }
}
