package io.catalyst.plugins.alerts.engine;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Weekdays and hours (in the tenant's time zone) when a rule tells nobody. A window whose end is before its start
 * runs over midnight: 22:00 to 06:00 on Friday covers Friday 22:00 to Saturday 06:00; equal ends cover the whole day.
 */
public record MuteWindow(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

    public MuteWindow {
        days = Set.copyOf(days);
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a mute window needs at least one weekday");
        }
    }

    public boolean covers(ZonedDateTime at) {
        LocalTime time = at.toLocalTime();
        if (from.equals(to)) {
            return days.contains(at.getDayOfWeek());
        }
        if (to.isAfter(from)) {
            return days.contains(at.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
        }
        return days.contains(at.getDayOfWeek()) && !time.isBefore(from)
                || days.contains(at.getDayOfWeek().minus(1)) && time.isBefore(to);
    }
}
