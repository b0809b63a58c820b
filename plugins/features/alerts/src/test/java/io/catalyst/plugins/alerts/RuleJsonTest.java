package io.catalyst.plugins.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.Filter;
import io.catalyst.plugins.alerts.engine.Direction;
import io.catalyst.plugins.alerts.engine.Kind;
import io.catalyst.plugins.alerts.engine.Level;
import io.catalyst.plugins.alerts.engine.MuteWindow;
import io.catalyst.plugins.alerts.engine.Recipients;
import io.catalyst.plugins.alerts.engine.Rule;
import io.catalyst.plugins.alerts.engine.Severity;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A rule survives the trip through its JSON, every field included. */
class RuleJsonTest {

    @Test
    void roundTrips() {
        Rule rule = new Rule(UUID.randomUUID(), "CPA above 40", "cpa", Level.AD_SET,
                List.of(Filter.in(Dimension.CHANNEL, List.of("meta-ads", "google-ads")),
                        new Filter(Dimension.CAMPAIGN, Filter.Op.CONTAINS, List.of("Sale"))),
                Kind.THRESHOLD, Map.of("threshold", 40.0, "minSpend", 100.0), Direction.EITHER,
                Duration.ofMinutes(30), Duration.ofMinutes(60), Severity.CRITICAL,
                new Recipients(Set.of(UUID.randomUUID()), "analyst"), Duration.ofMinutes(240),
                new Recipients(null, "tenant-admin"), true,
                List.of(new MuteWindow(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.MIDNIGHT,
                        LocalTime.MIDNIGHT)), false);

        Rule back = RuleJson.read(RuleJson.write(rule), rule.id(), Set.of("cpa", "spend"));

        assertThat(back).isEqualTo(rule);
        assertThat(back.params()).containsEntry("days", 7.0); // the kind's default, filled in
    }
}
