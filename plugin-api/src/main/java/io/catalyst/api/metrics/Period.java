package io.catalyst.api.metrics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Objects;

/** Days from {@code from} to {@code to}, both included, in the tenant's time zone. */
public record Period(LocalDate from, LocalDate to) {

    /** The names {@link #preset} knows, in the order pickers offer them. */
    public static final java.util.List<String> PRESETS = java.util.List.of("today", "yesterday", "last_7_days",
            "last_30_days", "last_90_days", "this_week", "last_week", "this_month", "last_month", "this_quarter",
            "last_quarter", "this_year", "last_12_months");

    /** The longest period one query may cover. */
    public static final int MAX_DAYS = 3 * 366;

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new MetricsException("the period ends (" + to + ") before it starts (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new MetricsException("a period may cover at most " + MAX_DAYS + " days");
        }
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The same number of days just before this one. */
    public Period previous() {
        return new Period(from.minusDays(days()), from.minusDays(1));
    }

    /** The same dates a year earlier (29 February becomes 28). */
    public Period yearBefore() {
        return new Period(from.minusYears(1), to.minusYears(1));
    }

    /**
     * A named period ending today: {@code today}, {@code yesterday}, {@code last_7_days}, {@code last_30_days},
     * {@code last_90_days}, {@code this_week}, {@code last_week}, {@code this_month}, {@code last_month},
     * {@code this_quarter}, {@code last_quarter}, {@code this_year}, {@code last_12_months}. The "last N days"
     * presets end yesterday, as complete days; the "this" presets end today.
     */
    public static Period preset(String name, LocalDate today) {
        LocalDate yesterday = today.minusDays(1);
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "today" -> new Period(today, today);
            case "yesterday" -> new Period(yesterday, yesterday);
            case "last_7_days" -> new Period(today.minusDays(7), yesterday);
            case "last_30_days" -> new Period(today.minusDays(30), yesterday);
            case "last_90_days" -> new Period(today.minusDays(90), yesterday);
            case "this_week" -> new Period(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), today);
            case "last_week" -> {
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
                yield new Period(monday, monday.plusDays(6));
            }
            case "this_month" -> new Period(today.withDayOfMonth(1), today);
            case "last_month" -> {
                LocalDate first = today.withDayOfMonth(1).minusMonths(1);
                yield new Period(first, first.with(TemporalAdjusters.lastDayOfMonth()));
            }
            case "this_quarter" -> new Period(quarterStart(today), today);
            case "last_quarter" -> {
                LocalDate first = quarterStart(today).minusMonths(3);
                yield new Period(first, first.plusMonths(3).minusDays(1));
            }
            case "this_year" -> new Period(today.withDayOfYear(1), today);
            case "last_12_months" -> new Period(today.withDayOfMonth(1).minusMonths(12),
                    today.withDayOfMonth(1).minusDays(1));
            default -> throw new MetricsException("unknown period '" + name + "'");
        };
    }

    /** The first day of the bucket {@code day} falls in. */
    public static LocalDate bucket(LocalDate day, Grain grain) {
        return switch (grain) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> quarterStart(day);
        };
    }

    private static LocalDate quarterStart(LocalDate day) {
        return day.with(IsoFields.DAY_OF_QUARTER, 1);
    }
}
