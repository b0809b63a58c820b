package io.catalyst.plugins.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.Filter;
import io.catalyst.api.metrics.MetricDefinition;
import io.catalyst.api.metrics.Metrics;
import io.catalyst.api.metrics.MetricsQuery;
import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.metrics.RecordPage;
import io.catalyst.api.metrics.RecordQuery;
import io.catalyst.api.metrics.SourceStatus;
import io.catalyst.plugins.alerts.engine.Direction;
import io.catalyst.plugins.alerts.engine.Evaluation;
import io.catalyst.plugins.alerts.engine.Kind;
import io.catalyst.plugins.alerts.engine.Level;
import io.catalyst.plugins.alerts.engine.Observation;
import io.catalyst.plugins.alerts.engine.Planner;
import io.catalyst.plugins.alerts.engine.Rule;
import io.catalyst.sdk.testkit.FakeMetrics;
import io.catalyst.sdk.testkit.PluginTestKit;
import io.catalyst.sdk.testkit.PluginTestKitExtension;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Rules that share a question are answered by one query, with the same verdicts as one query each. */
@ExtendWith(PluginTestKitExtension.class)
class PlannerTest {

    /** Counts the queries it passes on. */
    private static final class Counting implements Metrics {
        final Metrics inner;
        final List<MetricsQuery> queries = new ArrayList<>();

        Counting(Metrics inner) {
            this.inner = inner;
        }

        @Override
        public List<MetricDefinition> catalogue() {
            return inner.catalogue();
        }

        @Override
        public MetricsResult query(MetricsQuery query) {
            queries.add(query);
            return inner.query(query);
        }

        @Override
        public LocalDate today() {
            return inner.today();
        }

        @Override
        public RecordPage records(RecordQuery query) {
            return inner.records(query);
        }

        @Override
        public List<SourceStatus> sources() {
            return inner.sources();
        }
    }

    @Test
    void rulesWithTheSameLevelPeriodAndFiltersShareOneQuery(PluginTestKit kit) {
        FakeMetrics m = Fixture.entities(kit.context().metrics());
        for (int d = 0; d < 7; d++) {
            Fixture.day(m, "meta-ads", "M1", Fixture.YESTERDAY.minusDays(d), 100, 50, 2);
            Fixture.day(m, "google-ads", "G1", Fixture.YESTERDAY.minusDays(d), 40, 30, 2);
        }
        Filter meta = Filter.in(Dimension.CHANNEL, List.of("meta-ads"));
        List<Rule> rules = List.of(
                Rules.rule(Kind.THRESHOLD, "cpa", Level.CAMPAIGN, Map.of("threshold", 40.0), Direction.UP),
                Rules.rule(Kind.THRESHOLD, "cpc", Level.CAMPAIGN, Map.of("threshold", 1.0), Direction.UP),
                Rules.rule(Kind.THRESHOLD, "roas", Level.CAMPAIGN, Map.of("threshold", 2.0), Direction.DOWN),
                Rules.rule(Kind.THRESHOLD, "cpa", Level.CAMPAIGN, Map.of("threshold", 30.0), Direction.UP,
                        List.of(meta)),
                Rules.rule(Kind.THRESHOLD, "ctr", Level.CAMPAIGN, Map.of("threshold", 0.1), Direction.DOWN,
                        List.of(meta)),
                Rules.rule(Kind.THRESHOLD, "spend", Level.CHANNEL, Map.of("threshold", 100.0), Direction.UP));

        assertThat(Planner.plan(rules, Fixture.YESTERDAY)).hasSize(3);
        Counting counting = new Counting(m);
        List<Observation> together = Evaluation.observe(counting, rules, Fixture.YESTERDAY, null);
        assertThat(counting.queries).hasSize(3);
        assertThat(counting.queries.get(0).metrics()).containsExactly("cpa", "cpc", "roas", "spend");

        List<Observation> alone = new ArrayList<>();
        for (Rule rule : rules) {
            alone.addAll(Evaluation.observe(m, List.of(rule), Fixture.YESTERDAY, null));
        }
        assertThat(together).containsExactlyInAnyOrderElementsOf(alone);
    }
}
