package io.catalyst.plugins.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.demodata.DemoData;
import io.catalyst.demodata.Incident;
import io.catalyst.plugins.alerts.engine.Backtest;
import io.catalyst.plugins.alerts.engine.Direction;
import io.catalyst.plugins.alerts.engine.Kind;
import io.catalyst.plugins.alerts.engine.Level;
import io.catalyst.plugins.alerts.engine.Outcome;
import io.catalyst.plugins.alerts.engine.Rule;
import io.catalyst.sdk.testkit.PluginTestKit;
import io.catalyst.sdk.testkit.PluginTestKitExtension;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The rules over the demo generator's data: they find the planted incidents and nothing else. */
@ExtendWith(PluginTestKitExtension.class)
class DemoIncidentsTest {

    private static List<Outcome> fired(PluginTestKit kit, Rule rule) {
        return Backtest.run(kit.context().metrics(), List.of(rule), DemoWarehouse.TODAY, Backtest.DAYS,
                ZoneOffset.UTC).get(rule.id()).evaluations().stream().filter(Outcome::startedFiring).toList();
    }

    @Test
    void theSpendAnomalyFindsTheSpikeAndNothingElse(PluginTestKit kit) {
        DemoData demo = DemoWarehouse.fill(kit.context().metrics(), Backtest.DAYS + 7 * 6);
        Incident spike = demo.incidents().stream().filter(i -> i.kind() == Incident.Kind.SPEND_SPIKE).findFirst()
                .orElseThrow();
        Rule rule = Rules.rule(Kind.ANOMALY, "spend", Level.CAMPAIGN, Map.of(), Direction.UP);

        List<Outcome> fired = fired(kit, rule);

        assertThat(fired).hasSize(1);
        assertThat(fired.get(0).observation().entity()).isEqualTo(spike.channel() + ":" + spike.campaignId());
        assertThat(fired.get(0).observation().asOf()).isEqualTo(spike.from());
    }

    @Test
    void theTrackingRuleFindsBothOutagesAndNothingElse(PluginTestKit kit) {
        DemoData demo = DemoWarehouse.fill(kit.context().metrics(), Backtest.DAYS);
        List<Incident> outages = demo.incidents().stream().filter(i -> i.kind() == Incident.Kind.TRACKING_OUTAGE)
                .sorted(java.util.Comparator.comparing(Incident::from)).toList();
        Rule rule = Rules.rule(Kind.TRACKING, "conversions", Level.CHANNEL, Map.of(), Direction.UP);

        List<Outcome> fired = fired(kit, rule);

        assertThat(outages).as("the old outage and yesterday's").hasSize(2);
        assertThat(fired).extracting(o -> o.observation().entity() + " " + o.observation().asOf())
                .containsExactly(outages.get(0).channel() + " " + outages.get(0).from(),
                        outages.get(1).channel() + " " + outages.get(1).from());
    }

    @Test
    void theStarterRulesFindTheIncidentsOnTheDemoData(PluginTestKit kit) {
        DemoWarehouse.fill(kit.context().metrics(), Backtest.DAYS + 7 * 6 + 90);
        List<Rule> starters = StarterRules.make(kit.context().metrics(), null);

        Map<java.util.UUID, Backtest.Result> results = Backtest.run(kit.context().metrics(), starters,
                DemoWarehouse.TODAY, Backtest.DAYS, ZoneOffset.UTC);

        Map<String, Integer> firings = new java.util.LinkedHashMap<>();
        starters.forEach(r -> firings.put(r.name(), results.get(r.id()).firings()));
        assertThat(firings).containsExactly(Map.entry("Spend spike per campaign", 1),
                Map.entry("Tracking broken per channel", 2), Map.entry("Stale data (24 hours)", 0),
                Map.entry(DemoWarehouse.cpaStarterName(kit.context().metrics()), CPA_FIRINGS));
    }

    /** Campaigns whose 7-day CPA passed twice the company's 90-day CPA in the demo's last 45 days. */
    private static final int CPA_FIRINGS = 12;
}
