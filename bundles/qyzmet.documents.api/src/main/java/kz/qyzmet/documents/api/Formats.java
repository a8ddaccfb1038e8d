package kz.qyzmet.documents.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import kz.qyzmet.common.api.Language;

/**
 * How documents print numbers and times, the same in every service: amounts to
 * their asset's scale with digit groups (kk and ru: "2 500 000,00"; en:
 * "2,500,000.00"), times in the broker's zone (Almaty, UTC+5).
 */
public final class Formats {
    /** The broker's time zone: every time on a document is Almaty time. */
    public static final ZoneId BROKER_ZONE = ZoneId.of("Asia/Almaty");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    private Formats() {
    }

    public static String amount(BigDecimal value, int scale, Language language) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator(language == Language.EN ? ',' : '\u00a0');
        symbols.setDecimalSeparator(language == Language.EN ? '.' : ',');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat(scale > 0 ? "#,##0." + "0".repeat(scale) : "#,##0", symbols);
        return format.format(value.setScale(scale, RoundingMode.UNNECESSARY));
    }

    public static String dateTime(Instant at) {
        return DATE_TIME.format(at.atZone(BROKER_ZONE));
    }

    /** With seconds: where times order operations, two in one minute must read apart. */
    public static String dateTimeWithSeconds(Instant at) {
        return DATE_TIME_SECONDS.format(at.atZone(BROKER_ZONE));
    }

    /**
     * A period [from, to) as a client chose it: whole Almaty days print as the first and the last day
     * ("01.11.2026 — 30.11.2026", not "… 01.12.2026 00:00"); other bounds as times with seconds, the last
     * one the last second inside the period.
     */
    public static String period(Instant from, Instant to) {
        java.time.ZonedDateTime start = from.atZone(BROKER_ZONE);
        java.time.ZonedDateTime end = to.atZone(BROKER_ZONE);
        if (start.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) && end.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
            return date(start.toLocalDate()) + " — " + date(end.toLocalDate().minusDays(1));
        }
        return dateTimeWithSeconds(from) + " — " + dateTimeWithSeconds(to.minusNanos(1));
    }

    public static String date(LocalDate day) {
        return DATE.format(day);
    }

    /** The calendar day in Almaty of an instant. */
    public static LocalDate day(Instant at) {
        return at.atZone(BROKER_ZONE).toLocalDate();
    }
}
