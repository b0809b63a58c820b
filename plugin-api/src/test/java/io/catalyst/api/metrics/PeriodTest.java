package io.catalyst.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

    private static final LocalDate WEDNESDAY = LocalDate.parse("2026-12-09");

    @Test
    void everyPresetResolvesAndEndsByToday() {
        for (String name : Period.PRESETS) {
            Period p = Period.preset(name, WEDNESDAY);
            assertThat(p.to()).as(name).isBeforeOrEqualTo(WEDNESDAY);
        }
        assertThatThrownBy(() -> Period.preset("forever", WEDNESDAY)).isInstanceOf(MetricsException.class);
    }

    @Test
    void lastNDaysAreCompleteDaysAndWeeksStartOnMonday() {
        assertThat(Period.preset("last_7_days", WEDNESDAY)).isEqualTo(new Period(LocalDate.parse("2026-12-02"),
                LocalDate.parse("2026-12-08")));
        assertThat(Period.preset("last_week", WEDNESDAY)).isEqualTo(new Period(LocalDate.parse("2026-11-30"),
                LocalDate.parse("2026-12-06")));
        assertThat(Period.preset("last_quarter", WEDNESDAY)).isEqualTo(new Period(LocalDate.parse("2026-07-01"),
                LocalDate.parse("2026-09-30")));
        assertThat(Period.bucket(WEDNESDAY, Grain.WEEK)).isEqualTo(LocalDate.parse("2026-12-07"));
    }

    @Test
    void comparePeriodsAreTheDaysBeforeOrTheYearBefore() {
        Period march = new Period(LocalDate.parse("2028-03-01"), LocalDate.parse("2028-03-31"));
        assertThat(march.previous()).isEqualTo(new Period(LocalDate.parse("2028-01-30"),
                LocalDate.parse("2028-02-29")));
        assertThat(new Period(LocalDate.parse("2028-02-29"), LocalDate.parse("2028-02-29")).yearBefore().from())
                .isEqualTo(LocalDate.parse("2027-02-28"));
        assertThatThrownBy(() -> new Period(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-01-01")))
                .hasMessageContaining("before it starts");
    }
}
