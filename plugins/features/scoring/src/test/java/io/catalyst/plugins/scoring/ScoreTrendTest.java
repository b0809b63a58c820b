package io.catalyst.plugins.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.catalyst.sdk.testkit.FakePluginContext;
import io.catalyst.sdk.testkit.PluginTestKit;
import io.catalyst.sdk.testkit.PluginTestKitExtension;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PluginTestKitExtension.class)
class ScoreTrendTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void eachMonthGetsTheAucOfItsLeadsAndRecentMonthsAreMaturing(PluginTestKit kit) {
        FakePluginContext ctx = kit.context();
        List<Map<String, Object>> rows = new ArrayList<>();
        // June: scores rank converters perfectly; July: not at all (every converter scored lowest)
        for (int i = 0; i < 40; i++) {
            rows.add(row("2026-06-10T10:00:00Z", i < 10 ? 90 - i : 20 + i % 10, i < 10));
            rows.add(row("2026-07-10T10:00:00Z", i < 10 ? 5 : 50 + i, i < 10));
        }
        rows.add(row("2026-11-20T10:00:00Z", 70, false)); // too few to judge
        ctx.fakeData().whenQuery("from scoring_lead where points is not null", rows);

        List<ScoreTrend.Month> months = ScoreTrend.aucByMonth(ctx, 90, NOW);

        assertThat(months).hasSize(12);
        assertThat(months.get(11).month()).isEqualTo(YearMonth.of(2026, 12));
        ScoreTrend.Month june = months.stream().filter(m -> m.month().equals(YearMonth.of(2026, 6))).findFirst()
                .orElseThrow();
        ScoreTrend.Month july = months.stream().filter(m -> m.month().equals(YearMonth.of(2026, 7))).findFirst()
                .orElseThrow();
        assertThat(june.auc()).isCloseTo(1.0, within(1e-9));
        assertThat(july.auc()).isCloseTo(0.0, within(1e-9));
        assertThat(june.leads()).isEqualTo(40);
        assertThat(june.converted()).isEqualTo(10);
        assertThat(june.maturing()).as("June's leads are past 90 days").isFalse();
        ScoreTrend.Month november = months.get(10);
        assertThat(november.auc()).as("one lead is no sample").isNull();
        assertThat(november.maturing()).isTrue();
        assertThat(months.stream().filter(m -> m.month().equals(YearMonth.of(2026, 9))).findFirst().orElseThrow()
                .maturing()).as("September's last leads came in less than 90 days ago").isTrue();
    }

    private static Map<String, Object> row(String created, int points, boolean won) {
        return Map.of("created_at", Instant.parse(created).atOffset(ZoneOffset.UTC), "points", points, "won", won);
    }
}
