package io.catalyst.plugins.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessClockTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BusinessClock OFFICE = new BusinessClock(BusinessClock.parseHours("Mon-Fri 09:00-17:30"),
            Set.of(LocalDate.parse("2026-12-25")), BERLIN);

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }

    @Test
    void countsOnlyTheHoursOfWorkingDays() {
        assertThat(OFFICE.between(at("2026-12-07T10:00"), at("2026-12-07T12:15"))).isEqualTo(Duration.ofMinutes(135));
        // before opening and after closing count nothing
        assertThat(OFFICE.between(at("2026-12-07T06:00"), at("2026-12-07T09:00"))).isZero();
        assertThat(OFFICE.between(at("2026-12-07T17:30"), at("2026-12-08T09:00"))).isZero();
        // a whole day is 8.5 hours
        assertThat(OFFICE.between(at("2026-12-07T00:00"), at("2026-12-08T00:00"))).isEqualTo(Duration.ofMinutes(510));
        assertThat(OFFICE.between(at("2026-12-08T00:00"), at("2026-12-07T00:00"))).isZero();
    }

    @Test
    void spansNightsAndWeekends() {
        // Friday 16:00 to Monday 10:00: 1.5 hours on Friday and one on Monday
        assertThat(OFFICE.between(at("2026-12-04T16:00"), at("2026-12-07T10:00"))).isEqualTo(Duration.ofMinutes(150));
        // Tuesday 17:00 to Wednesday 09:45 over the night
        assertThat(OFFICE.between(at("2026-12-08T17:00"), at("2026-12-09T09:45"))).isEqualTo(Duration.ofMinutes(75));
        assertThat(OFFICE.between(at("2026-12-05T08:00"), at("2026-12-06T20:00"))).isZero();
    }

    @Test
    void skipsHolidays() {
        // Thursday 17:00 to Monday 09:30, Friday the 25th a holiday: half an hour on each side
        assertThat(OFFICE.between(at("2026-12-24T17:00"), at("2026-12-28T09:30"))).isEqualTo(Duration.ofMinutes(60));
        assertThat(OFFICE.plus(at("2026-12-24T17:00"), Duration.ofHours(1))).isEqualTo(at("2026-12-28T09:30"));
        assertThat(OFFICE.isWorkingDay(LocalDate.parse("2026-12-25"))).isFalse();
    }

    @Test
    void addsWorkingTime() {
        assertThat(OFFICE.plus(at("2026-12-07T10:00"), Duration.ofHours(2))).isEqualTo(at("2026-12-07T12:00"));
        // before opening: the clock starts at nine
        assertThat(OFFICE.plus(at("2026-12-07T07:00"), Duration.ofHours(2))).isEqualTo(at("2026-12-07T11:00"));
        // over the night
        assertThat(OFFICE.plus(at("2026-12-07T16:30"), Duration.ofHours(4))).isEqualTo(at("2026-12-08T12:00"));
        // Friday evening into Monday
        assertThat(OFFICE.plus(at("2026-12-04T17:00"), Duration.ofHours(1))).isEqualTo(at("2026-12-07T09:30"));
        // a Saturday request starts on Monday
        assertThat(OFFICE.plus(at("2026-12-05T11:00"), Duration.ofMinutes(30))).isEqualTo(at("2026-12-07T09:30"));
        // exactly the rest of the day ends at closing, not the next morning
        assertThat(OFFICE.plus(at("2026-12-07T15:30"), Duration.ofHours(2))).isEqualTo(at("2026-12-07T17:30"));
        // 40 business hours from Monday 09:00: four days and 6 hours
        assertThat(OFFICE.plus(at("2026-12-07T09:00"), Duration.ofHours(40))).isEqualTo(at("2026-12-11T15:00"));
    }

    @Test
    void keepsLocalHoursOverDaylightSavingChanges() {
        // spring forward on Sunday 29 March 2026: Friday 17:00 to Monday 10:00 is still 1.5 hours
        assertThat(OFFICE.between(at("2026-03-27T17:00"), at("2026-03-30T10:00"))).isEqualTo(Duration.ofMinutes(90));
        assertThat(OFFICE.plus(at("2026-03-27T17:00"), Duration.ofHours(1))).isEqualTo(at("2026-03-30T09:30"));
        // a whole Monday after the change is still 8.5 hours
        assertThat(OFFICE.between(at("2026-03-30T00:00"), at("2026-03-31T00:00"))).isEqualTo(Duration.ofMinutes(510));
        // a window across the change itself is an hour shorter: 01:00 to 04:00 on that night is two real hours
        BusinessClock night = new BusinessClock(BusinessClock.parseHours("Sun 01:00-04:00"), Set.of(), BERLIN);
        assertThat(night.between(at("2026-03-29T00:00"), at("2026-03-29T12:00"))).isEqualTo(Duration.ofHours(2));
        // and an hour longer when the clocks go back (25 October 2026)
        assertThat(night.between(at("2026-10-25T00:00"), at("2026-10-25T12:00"))).isEqualTo(Duration.ofHours(4));
        // New York changes on another day (8 March 2026)
        ZoneId ny = ZoneId.of("America/New_York");
        BusinessClock nyOffice = new BusinessClock(BusinessClock.parseHours("Mon-Fri 09:00-17:00"), Set.of(), ny);
        Instant friday = LocalDateTime.parse("2026-03-06T16:00").atZone(ny).toInstant();
        assertThat(nyOffice.plus(friday, Duration.ofHours(2)))
                .isEqualTo(LocalDateTime.parse("2026-03-09T10:00").atZone(ny).toInstant());
    }

    @Test
    void readsSchedulesWithSeveralParts() {
        var hours = BusinessClock.parseHours("Mon-Thu 09:00-17:30; Fri 09:00-15:00, sat 10:00-12:00");
        assertThat(hours).hasSize(6).doesNotContainKey(DayOfWeek.SUNDAY);
        assertThat(hours.get(DayOfWeek.FRIDAY)).isEqualTo(new BusinessClock.Window(LocalTime.of(9, 0),
                LocalTime.of(15, 0)));
        assertThat(hours.get(DayOfWeek.SATURDAY).start()).isEqualTo(LocalTime.of(10, 0));
    }

    @Test
    void refusesSchedulesInWords() {
        assertThatThrownBy(() -> BusinessClock.parseHours("")).hasMessageContaining("Mon-Fri 09:00-17:30");
        assertThatThrownBy(() -> BusinessClock.parseHours("Mon-Fri")).hasMessageContaining("is not like");
        assertThatThrownBy(() -> BusinessClock.parseHours("Fri-Mon 09:00-17:00")).hasMessageContaining("backwards");
        assertThatThrownBy(() -> BusinessClock.parseHours("Mon-Fry 09:00-17:00")).hasMessageContaining("not a weekday");
        assertThatThrownBy(() -> BusinessClock.parseHours("Mon 17:00-09:00")).hasMessageContaining("end after start");
        assertThatThrownBy(() -> BusinessClock.parseHours("Mon 9-5")).hasMessageContaining("time range");
        assertThatThrownBy(() -> BusinessClock.parseHours("Mon-Fri 09:00-17:00; Fri 09:00-12:00"))
                .hasMessageContaining("Fri is given twice");
        assertThat(BusinessClock.parseHolidays("2026-12-25, 2026-12-26\n2027-01-01")).hasSize(3);
        assertThat(BusinessClock.parseHolidays(null)).isEmpty();
        assertThatThrownBy(() -> BusinessClock.parseHolidays("2026-12-25, christmas, 2026-13-01"))
                .hasMessage("not dates like 2026-12-25: christmas, 2026-13-01");
    }
}
