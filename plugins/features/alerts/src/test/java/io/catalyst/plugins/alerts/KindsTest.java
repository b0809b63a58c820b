package io.catalyst.plugins.alerts;

import static io.catalyst.plugins.alerts.Fixture.YESTERDAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.Filter;
import io.catalyst.api.metrics.SourceStatus;
import io.catalyst.plugins.alerts.engine.Backtest;
import io.catalyst.plugins.alerts.engine.Direction;
import io.catalyst.plugins.alerts.engine.Evaluation;
import io.catalyst.plugins.alerts.engine.Judges;
import io.catalyst.plugins.alerts.engine.Kind;
import io.catalyst.plugins.alerts.engine.Level;
import io.catalyst.plugins.alerts.engine.Observation;
import io.catalyst.plugins.alerts.engine.Outcome;
import io.catalyst.plugins.alerts.engine.Rule;
import io.catalyst.plugins.alerts.engine.State;
import io.catalyst.plugins.alerts.engine.Verdict;
import io.catalyst.sdk.testkit.FakeMetrics;
import io.catalyst.sdk.testkit.PluginTestKit;
import io.catalyst.sdk.testkit.PluginTestKitExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each kind over hand-made figures, with the exact verdicts and firings expected. */
@ExtendWith(PluginTestKitExtension.class)
class KindsTest {

    private static List<Observation> observe(FakeMetrics m, Rule rule, LocalDate asOf) {
        return Evaluation.observe(m, List.of(rule), asOf, null);
    }

    private static Observation one(List<Observation> observations, String entity) {
        return observations.stream().filter(o -> o.entity().equals(entity)).findFirst().orElseThrow();
    }

    @Test
    void thresholdJudgesOnlyEntitiesAboveTheMinimumSpend(PluginTestKit kit) {
        FakeMetrics m = Fixture.entities(kit.context().metrics());
        // 7 days to yesterday: M1 spends 700 for 10 conversions (CPA 70), M2 spends 70 for 1 (CPA 70), G1 CPA 20
        for (int d = 0; d < 7; d++) {
            LocalDate day = YESTERDAY.minusDays(d);
            Fixture.day(m, "meta-ads", "M1", day, 100, 50, d < 3 ? 2 : 1);
            Fixture.day(m, "meta-ads", "M2", day, 10, 5, d == 0 ? 1 : 0);
            Fixture.day(m, "google-ads", "G1", day, 40, 30, 2);
        }
        Rule rule = Rules.rule(Kind.THRESHOLD, "cpa", Level.CAMPAIGN, Map.of("threshold", 40.0, "minSpend", 100.0),
                Direction.UP);

        List<Observation> seen = observe(m, rule, YESTERDAY);

        assertThat(one(seen, "meta-ads:M1").verdict()).isEqualTo(Verdict.BREACH);
        assertThat(one(seen, "meta-ads:M1").value()).isEqualTo(70.0);
        assertThat(one(seen, "meta-ads:M2").verdict()).isEqualTo(Verdict.NO_DATA);
        assertThat(one(seen, "meta-ads:M2").reason()).isEqualTo("spend 70 is below the minimum 100: not judged");
        assertThat(one(seen, "google-ads:G1").verdict()).isEqualTo(Verdict.OK);
        assertThat(one(seen, "google-ads:G1").value()).isEqualTo(20.0);
    }

    @Test
    void changeComparesWithThePreviousPeriodInPercent(PluginTestKit kit) {
        FakeMetrics m = Fixture.entities(kit.context().metrics());
        for (int d = 0; d < 14; d++) {
            LocalDate day = YESTERDAY.minusDays(d);
            boolean recent = d < 7;
            Fixture.day(m, "meta-ads", "M1", day, recent ? 150 : 100, 10, 1); // +50 %
            Fixture.day(m, "meta-ads", "M2", day, recent ? 90 : 100, 10, 1);  // -10 %
        }
        Rule up = Rules.rule(Kind.CHANGE, "spend", Level.CAMPAIGN, Map.of("percent", 30.0), Direction.UP);
        Rule either = Rules.rule(Kind.CHANGE, "spend", Level.CAMPAIGN, Map.of("percent", 10.0), Direction.EITHER);
        Rule down = Rules.rule(Kind.CHANGE, "spend", Level.CAMPAIGN, Map.of("percent", 30.0), Direction.DOWN);

        assertThat(one(observe(m, up, YESTERDAY), "meta-ads:M1").verdict()).isEqualTo(Verdict.BREACH);
        assertThat(one(observe(m, up, YESTERDAY), "meta-ads:M1").reason())
                .isEqualTo("spend +50.0 % against the 7 days before");
        assertThat(one(observe(m, up, YESTERDAY), "meta-ads:M2").verdict()).isEqualTo(Verdict.OK);
        assertThat(one(observe(m, either, YESTERDAY), "meta-ads:M2").verdict()).isEqualTo(Verdict.BREACH);
        assertThat(one(observe(m, down, YESTERDAY), "meta-ads:M1").verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void pacingComparesMonthToDateSpendWithTheBudgetSoFar(PluginTestKit kit) {
        FakeMetrics m = Fixture.entities(kit.context().metrics());
        // 1 to 6 December: 6 of 31 days; budget 3100 expects 600 by the 6th
        for (int d = 1; d <= 6; d++) {
            Fixture.day(m, "meta-ads", "M1", LocalDate.of(2026, 12, d), 130, 10, 1); // 780: +30 %
        }
        Rule tight = Rules.rule(Kind.PACING, "spend", Level.TENANT, Map.of("budget", 3100.0, "tolerance", 20.0),
                Direction.EITHER);
        Rule loose = Rules.rule(Kind.PACING, "spend", Level.TENANT, Map.of("budget", 3100.0, "tolerance", 35.0),
                Direction.EITHER);

        Observation seen = one(observe(m, tight, YESTERDAY), Level.TOTAL);
        assertThat(seen.verdict()).isEqualTo(Verdict.BREACH);
        assertThat(seen.value()).isEqualTo(780.0);
        assertThat(seen.bound()).isEqualTo(600.0);
        assertThat(one(observe(m, loose, YESTERDAY), Level.TOTAL).verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void anomalyNeedsThreeWeeksOfHistoryAndThenFindsTheOutlier(PluginTestKit kit) {
        FakeMetrics m = Fixture.entities(kit.context().metrics());
        // Sundays: 100, 120, 90, (one outlier week of 400), then yesterday 500
        Fixture.day(m, "meta-ads", "M1", YESTERDAY.minusWeeks(1), 100, 10, 1);
        Fixture.day(m, "meta-ads", "M1", YESTERDAY.minusWeeks(2), 120, 10, 1);
        Fixture.day(m, "meta-ads", "M1", YESTERDAY, 500, 10, 1);
        Rule rule = Rules.rule(Kind.ANOMALY, "spend", Level.CAMPAIGN, Map.of(), Direction.UP);

        Observation young = one(observe(m, rule, YESTERDAY), "meta-ads:M1");
        assertThat(young.verdict()).isEqualTo(Verdict.NO_DATA);
        assertThat(young.reason()).isEqualTo("not enough history: 2 of the last 6 Sundays have figures, 3 are needed");

        Fixture.day(m, "meta-ads", "M1", YESTERDAY.minusWeeks(3), 90, 10, 1);
        Fixture.day(m, "meta-ads", "M1", YESTERDAY.minusWeeks(4), 400, 10, 1); // robust: the median ignores it
        Observation seen = one(observe(m, rule, YESTERDAY), "meta-ads:M1");
        assertThat(seen.verdict()).isEqualTo(Verdict.BREACH);
        assertThat(seen.bound()).isEqualTo(110.0); // median of 90, 100, 120, 400

        // a Sunday like the others (100 against 120, 90 and 400) is normal
        assertThat(one(observe(m, rule, YESTERDAY.minusWeeks(1)), "meta-ads:M1").verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void noDataFromTooLittleHistoryNeverFires(PluginTestKit kit) {
        FakeMetrics m = Fixture.entities(kit.context().metrics());
        Fixture.day(m, "meta-ads", "M1", YESTERDAY.minusWeeks(1), 100, 10, 1);
        Fixture.day(m, "meta-ads", "M1", YESTERDAY, 5000, 10, 1);
        Rule rule = Rules.rule(Kind.ANOMALY, "spend", Level.CAMPAIGN, Map.of(), Direction.UP);

        List<Outcome> outcomes = Evaluation.run(m, List.of(rule), Fixture.TODAY.atStartOfDay(ZoneOffset.UTC)
                .toInstant().plusSeconds(3600));

        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.after().state()).isEqualTo(State.NO_DATA);
            assertThat(o.notices()).isEmpty();
        });
    }

    @Test
    void trackingFiresOnZeroConversionsAboveTheClickFloor(PluginTestKit kit) {
        FakeMetrics m = Fixture.entities(kit.context().metrics());
        Fixture.day(m, "meta-ads", "M1", YESTERDAY, 100, 300, 0);
        Fixture.day(m, "google-ads", "G1", YESTERDAY, 100, 40, 0); // too few clicks to tell
        Fixture.day(m, "google-ads", "G1", YESTERDAY.minusDays(1), 100, 300, 4);
        Rule rule = Rules.rule(Kind.TRACKING, "conversions", Level.CHANNEL, Map.of(), Direction.UP);

        List<Observation> seen = observe(m, rule, YESTERDAY);
        assertThat(one(seen, "meta-ads").verdict()).isEqualTo(Verdict.BREACH);
        assertThat(one(seen, "meta-ads").reason())
                .isEqualTo("no conversions on 2026-12-06 while 300 clicks came in");
        assertThat(one(seen, "google-ads").verdict()).isEqualTo(Verdict.OK);

        // replayed: fires once, on the day
        Backtest.Result replay = Backtest.run(m, List.of(rule), Fixture.TODAY, 7, ZoneOffset.UTC).get(rule.id());
        assertThat(replay.firings()).isEqualTo(1);
    }

    @Test
    void staleDataFiresPerConnectionNotLoadedForTheHours(PluginTestKit kit) {
        FakeMetrics m = Fixture.entities(kit.context().metrics());
        Instant now = Instant.parse("2026-12-07T12:00:00Z");
        UUID meta = UUID.randomUUID();
        UUID google = UUID.randomUUID();
        m.source(new SourceStatus(meta, "meta-ads", "Meta", "ACTIVE", now.minusSeconds(30 * 3600),
                Set.of("meta-ads")));
        m.source(new SourceStatus(google, "google-ads", "Google", "ACTIVE", now.minusSeconds(2 * 3600),
                Set.of("google-ads")));
        m.source(new SourceStatus(UUID.randomUUID(), "tiktok-ads", "TikTok", "PAUSED", null, Set.of("tiktok-ads")));
        Rule rule = Rules.rule(Kind.STALE, null, Level.TENANT, Map.of("hours", 24.0), Direction.UP);

        List<Observation> seen = Judges.stale(rule, m.sources(), now, YESTERDAY);

        assertThat(seen).extracting(Observation::entity).containsExactlyInAnyOrder(meta.toString(),
                google.toString());
        assertThat(one(seen, meta.toString()).verdict()).isEqualTo(Verdict.BREACH);
        assertThat(one(seen, meta.toString()).value()).isEqualTo(30.0);
        assertThat(one(seen, google.toString()).verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void aStaleConnectionSilencesTheAlertsThatReadItAndOnlyTheStaleAlertFires(PluginTestKit kit) {
        FakeMetrics m = Fixture.entities(kit.context().metrics());
        Instant now = Instant.parse("2026-12-07T12:00:00Z");
        Instant lastLoad = now.minusSeconds(30 * 3600);
        m.source(new SourceStatus(UUID.randomUUID(), "meta-ads", "Meta", "ACTIVE", lastLoad, Set.of("meta-ads")));
        m.source(new SourceStatus(UUID.randomUUID(), "google-ads", "Google", "ACTIVE", now.minusSeconds(3600),
                Set.of("google-ads")));
        // the stale source's last day looks like broken tracking on both channels
        Fixture.day(m, "meta-ads", "M1", YESTERDAY, 100, 300, 0);
        Fixture.day(m, "google-ads", "G1", YESTERDAY, 100, 300, 0);
        Rule stale = Rules.rule(Kind.STALE, null, Level.TENANT, Map.of("hours", 24.0), Direction.UP);
        Rule allChannels = Rules.rule(Kind.TRACKING, "conversions", Level.CHANNEL, Map.of(), Direction.UP);
        Rule googleOnly = Rules.rule(Kind.TRACKING, "conversions", Level.CAMPAIGN, Map.of(), Direction.UP,
                List.of(Filter.in(Dimension.CHANNEL, List.of("google-ads"))));
        Rule metaOnly = Rules.rule(Kind.THRESHOLD, "spend", Level.CAMPAIGN, Map.of("threshold", 50.0), Direction.UP,
                List.of(Filter.equalTo(Dimension.CHANNEL, "meta-ads")));

        List<Outcome> outcomes = Evaluation.run(m, List.of(stale, allChannels, googleOnly, metaOnly), Map.of(), now,
                ZoneOffset.UTC);

        List<Outcome> told = outcomes.stream().filter(o -> !o.notices().isEmpty()).toList();
        assertThat(told).extracting(o -> o.rule().name() + " " + o.after().label() + " " + o.after().state())
                .containsExactlyInAnyOrder("stale null Meta FIRING", "tracking conversions Search FIRING");
        Outcome silenced = outcomes.stream().filter(o -> o.rule() == allChannels).findFirst().orElseThrow();
        assertThat(silenced.after().state()).isEqualTo(State.NORMAL);
        assertThat(silenced.after().reason()).isEqualTo("silenced: Meta has not loaded since " + lastLoad);
        assertThat(outcomes.stream().filter(o -> o.rule() == metaOnly)).allSatisfy(o -> {
            assertThat(o.observation().verdict()).isEqualTo(Verdict.SILENCED);
            assertThat(o.notices()).isEmpty();
        });
    }
}
