package io.catalyst.plugins.tasks;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Counts working time: the tenant's business hours per weekday, less its holidays, in its time zone. A day's window
 * is taken in local time, so a DST change shortens or lengthens no working day (09:00 stays 09:00).
 */
final class BusinessClock {

    /** A weekday's working window in local time, end after start. */
    record Window(LocalTime start, LocalTime end) {
    }

    // ten years of days: far beyond any SLA target, and a bound on loops over a schedule that is almost never open
    private static final int MAX_DAYS = 3660;

    private final Map<DayOfWeek, Window> hours;
    private final Set<LocalDate> holidays;
    private final ZoneId zone;

    BusinessClock(Map<DayOfWeek, Window> hours, Set<LocalDate> holidays, ZoneId zone) {
        if (hours.isEmpty()) {
            throw new IllegalArgumentException("business hours need at least one working day");
        }
        this.hours = new EnumMap<>(hours);
        this.holidays = Set.copyOf(holidays);
        this.zone = zone;
    }

    ZoneId zone() {
        return zone;
    }

    /** Working time between two instants; zero when {@code to} is not after {@code from}. */
    Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            Instant[] w = window(day);
            if (w != null) {
                Instant start = w[0].isAfter(from) ? w[0] : from;
                Instant end = w[1].isBefore(to) ? w[1] : to;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** The instant when {@code amount} of working time has passed since {@code from}. */
    Instant plus(Instant from, Duration amount) {
        Duration left = amount;
        LocalDate day = from.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            Instant[] w = window(day);
            if (w == null || !w[1].isAfter(from)) {
                continue;
            }
            Instant start = w[0].isAfter(from) ? w[0] : from;
            Duration available = Duration.between(start, w[1]);
            if (left.compareTo(available) <= 0) {
                return start.plus(left);
            }
            left = left.minus(available);
        }
        throw new IllegalArgumentException("the business hours leave no time for " + amount + " within ten years");
    }

    /** Whether the given day has working hours (a working weekday and no holiday). */
    boolean isWorkingDay(LocalDate day) {
        return hours.containsKey(day.getDayOfWeek()) && !holidays.contains(day);
    }

    private Instant[] window(LocalDate day) {
        if (!isWorkingDay(day)) {
            return null;
        }
        Window w = hours.get(day.getDayOfWeek());
        // atZone moves a local time in a DST gap forward, and takes the earlier offset in an overlap
        return new Instant[] {day.atTime(w.start()).atZone(zone).toInstant(), day.atTime(w.end()).atZone(zone)
                .toInstant()};
    }

    // ---- settings ---------------------------------------------------------------------------------------------

    private static final List<DayOfWeek> DAYS = List.of(DayOfWeek.values());

    /**
     * Reads business hours such as {@code Mon-Fri 09:00-17:30} or {@code Mon-Thu 09:00-17:30; Fri 09:00-15:00}.
     *
     * @throws IllegalArgumentException with the part that is wrong
     */
    static Map<DayOfWeek, Window> parseHours(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("give business hours like Mon-Fri 09:00-17:30");
        }
        Map<DayOfWeek, Window> hours = new EnumMap<>(DayOfWeek.class);
        for (String part : text.split("[;,]")) {
            String[] words = part.strip().split("\\s+");
            if (words.length != 2) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not like Mon-Fri 09:00-17:30");
            }
            Window window = parseWindow(words[1]);
            for (DayOfWeek d : parseDays(words[0])) {
                if (hours.put(d, window) != null) {
                    throw new IllegalArgumentException(label(d) + " is given twice");
                }
            }
        }
        return hours;
    }

    private static List<DayOfWeek> parseDays(String text) {
        String[] ends = text.split("-", -1);
        if (ends.length > 2) {
            throw new IllegalArgumentException("'" + text + "' is not a day or a range of days like Mon-Fri");
        }
        DayOfWeek first = day(ends[0]);
        DayOfWeek last = ends.length == 2 ? day(ends[1]) : first;
        if (last.compareTo(first) < 0) {
            throw new IllegalArgumentException("'" + text + "' runs backwards: write days from Monday to Sunday");
        }
        return DAYS.subList(first.ordinal(), last.ordinal() + 1);
    }

    private static DayOfWeek day(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (t.length() >= 2 && d.name().toLowerCase(Locale.ROOT).startsWith(t) && t.length() <= 9) {
                return d;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a weekday (Mon, Tue, Wed, Thu, Fri, Sat, Sun)");
    }

    private static Window parseWindow(String text) {
        String[] ends = text.split("-");
        try {
            if (ends.length == 2) {
                LocalTime start = LocalTime.parse(ends[0]);
                LocalTime end = LocalTime.parse(ends[1]);
                if (end.isAfter(start)) {
                    return new Window(start, end);
                }
            }
        } catch (DateTimeParseException e) {
            // the message below says what is expected
        }
        throw new IllegalArgumentException("'" + text + "' is not a time range like 09:00-17:30 (end after start)");
    }

    /** Reads holidays as ISO dates separated by commas, spaces or new lines. */
    static Set<LocalDate> parseHolidays(String text) {
        Set<LocalDate> days = new TreeSet<>();
        if (text == null) {
            return days;
        }
        List<String> bad = new ArrayList<>();
        for (String word : text.split("[,;\\s]+")) {
            if (!word.isBlank()) {
                try {
                    days.add(LocalDate.parse(word));
                } catch (DateTimeParseException e) {
                    bad.add(word);
                }
            }
        }
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException("not dates like 2026-12-25: " + String.join(", ", bad));
        }
        return days;
    }

    private static String label(DayOfWeek d) {
        return d.name().charAt(0) + d.name().substring(1, 3).toLowerCase(Locale.ROOT);
    }
}
