package io.catalyst.plugins.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TrainingTest {

    private static final Training.Settings SETTINGS = Training.Settings.defaults();

    @Test
    void syntheticDataHasAboutTwelvePercentConverted() {
        double rate = TrainedOnce.ROWS.stream().filter(TrainingRow::converted).count() / (double) TrainedOnce.ROWS.size();
        assertThat(rate).isBetween(0.10, 0.14);
    }

    @Test
    void ranksHeldOutLeadsWell() {
        Evaluation e = TrainedOnce.MODEL.card().evaluation();
        assertThat(e.rows()).isEqualTo(1_000);
        assertThat(e.auc()).isGreaterThanOrEqualTo(0.75);
        assertThat(e.averagePrecision()).isGreaterThan(2 * e.baseRate());
        assertThat(e.lift().get(0)).isGreaterThan(2.0);
    }

    @Test
    void probabilitiesAreCalibrated() {
        Evaluation e = TrainedOnce.MODEL.card().evaluation();
        assertThat(e.brier()).isLessThan(e.baseRateBrier());
        double meanPredicted = e.calibration().stream().filter(b -> b.count() > 0)
                .mapToDouble(b -> b.meanPredicted() * b.count()).sum() / e.rows();
        assertThat(100 * meanPredicted).isCloseTo(100 * e.baseRate(), within(3.0));
        // on fresh leads too, not only the held-out slice
        Evaluation fresh = Training.evaluate(TrainedOnce.MODEL.model(), SyntheticLeads.generate(20_000, 99));
        double freshMean = SyntheticLeads.generate(20_000, 99).stream()
                .mapToDouble(r -> TrainedOnce.MODEL.model().probability(r.facts())).average().orElseThrow();
        assertThat(100 * freshMean).isCloseTo(100 * fresh.baseRate(), within(3.0));
        assertThat(fresh.brier()).isLessThan(fresh.baseRateBrier());
    }

    @Test
    void topFactorsNameThePlantedDrivers() {
        List<Factor> factors = TrainedOnce.MODEL.card().topFactors();
        assertThat(factors).anySatisfy(f -> {
            assertThat(f.feature() + "=" + f.value()).isEqualTo("form=Demo request");
            assertThat(f.logOdds()).isPositive();
        });
        assertThat(factors).anySatisfy(f -> {
            assertThat(f.feature() + "=" + f.value()).isEqualTo("seniority=VP");
            assertThat(f.logOdds()).isPositive();
        });
        assertThat(factors).anySatisfy(f -> {
            assertThat(f.feature() + "=" + f.value()).isEqualTo("seniority=Student");
            assertThat(f.logOdds()).isNegative();
            assertThat(f.words()).isEqualTo(String.format(java.util.Locale.ENGLISH,
                    "Job level is Student: lowers the odds %.1f×", Math.exp(-f.logOdds())));
        });
        assertThat(factors).anySatisfy(f -> {
            assertThat(f.feature() + "=" + f.value()).isEqualTo("pageViews=more");
            assertThat(f.logOdds()).isPositive();
        });
        assertThat(factors).noneMatch(f -> f.feature().equals("industry") || f.feature().equals("country"));
    }

    @Test
    void splitIsStratifiedSeededAndIndependentOfRowOrder() {
        Training.Split split = Training.split(TrainedOnce.ROWS, SETTINGS);
        assertThat(split.fit().size() + split.calibration().size() + split.heldOut().size())
                .isEqualTo(TrainedOnce.ROWS.size());
        double rate = TrainedOnce.ROWS.stream().filter(TrainingRow::converted).count() / (double) TrainedOnce.ROWS.size();
        for (List<TrainingRow> part : List.of(split.fit(), split.calibration(), split.heldOut())) {
            assertThat(part.stream().filter(TrainingRow::converted).count() / (double) part.size())
                    .isCloseTo(rate, within(0.005));
        }
        List<TrainingRow> shuffled = new ArrayList<>(TrainedOnce.ROWS);
        Collections.shuffle(shuffled, new Random(5));
        assertThat(Training.split(shuffled, SETTINGS)).isEqualTo(split);
        assertThat(Training.split(TrainedOnce.ROWS, SETTINGS.withSeed(43)).heldOut()).isNotEqualTo(split.heldOut());
    }

    @Test
    void sameDataAndSeedGiveTheSameModel() {
        List<TrainingRow> shuffled = new ArrayList<>(TrainedOnce.ROWS);
        Collections.shuffle(shuffled, new Random(1));
        MlModel again = Training.train("all", "ml-all-1", shuffled, Set.of(), SETTINGS).model();
        MlModel first = TrainedOnce.MODEL.model();
        assertThat(again.card().dataFingerprint()).isEqualTo(first.card().dataFingerprint()).hasSize(64);
        assertThat(again.calibration()).isEqualTo(first.calibration());
        for (TrainingRow row : TrainedOnce.ROWS.subList(0, 200)) {
            assertThat(again.score(row.facts())).isEqualTo(first.score(row.facts()));
        }
        MlModel otherSeed = Training.train("all", "ml-all-1", TrainedOnce.ROWS, Set.of(), SETTINGS.withSeed(7)).model();
        assertThat(otherSeed.probability(TrainedOnce.hotLead())).isNotEqualTo(first.probability(TrainedOnce.hotLead()));
    }

    @Test
    void fingerprintCoversLabelsAndExclusions() {
        String base = Training.fingerprint(TrainedOnce.ROWS, Set.of());
        List<TrainingRow> flipped = new ArrayList<>(TrainedOnce.ROWS);
        flipped.set(0, new TrainingRow(flipped.get(0).facts(), !flipped.get(0).converted()));
        assertThat(Training.fingerprint(flipped, Set.of())).isNotEqualTo(base);
        assertThat(Training.fingerprint(TrainedOnce.ROWS, Set.of("country"))).isNotEqualTo(base);
    }

    @Test
    void aChallengerOnShuffledLabelsIsNotPromoted() {
        List<TrainingRow> noise = shuffledLabels(TrainedOnce.ROWS);
        MlModel random = Training.train("all", "ml-all-2", noise, Set.of(), SETTINGS).model();
        List<TrainingRow> heldOut = SyntheticLeads.generate(3_000, 123);

        Training.Comparison worse = Training.compare(TrainedOnce.MODEL.model(), random, heldOut);
        assertThat(worse.challengerWins()).isFalse();
        assertThat(worse.challenger().auc()).isLessThan(worse.champion().auc());
        assertThat(worse.words()).contains("does not rank leads better");

        Training.Comparison better = Training.compare(random, TrainedOnce.MODEL.model(), heldOut);
        assertThat(better.challengerWins()).isTrue();
        assertThat(better.words()).contains("the challenger is better");

        Training.Comparison itself = Training.compare(TrainedOnce.MODEL.model(), TrainedOnce.MODEL.model(), heldOut);
        assertThat(itself.challengerWins()).isFalse();
    }

    @Test
    void comparesWithThePointsModelByRanking() {
        List<TrainingRow> heldOut = SyntheticLeads.generate(3_000, 124);
        Training.Comparison c = Training.compare(RulesModel.defaults(), TrainedOnce.MODEL.model(), heldOut);
        // the default rules mirror the planted drivers, so they rank about as well as the model here
        assertThat(c.champion().auc()).isGreaterThan(0.7);
        assertThat(c.challengerWins()).isEqualTo(c.challenger().auc() >= c.champion().auc() + 0.005);
        assertThat(c.words()).contains("for the points model");
        MlModel random = Training.train("all", "ml-all-2", shuffledLabels(TrainedOnce.ROWS), Set.of(), SETTINGS).model();
        assertThat(Training.compare(RulesModel.defaults(), random, heldOut).challengerWins()).isFalse();
    }

    @Test
    void enoughDataFollowsEinsteinsThresholds() {
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        List<TrainingRow> rows = new ArrayList<>();
        for (int i = 0; i < 1_300; i++) {
            // every fourth lead is older than the 200-day window
            int age = i % 4 == 0 ? 250 : 100;
            rows.add(new TrainingRow(new LeadFacts("l" + i, now.minus(Duration.ofDays(age)), null, null, null, null,
                    null, null, null, null, null), i % 8 == 1));
        }
        Training.Readiness notYet = Training.enough(rows, SETTINGS, now);
        assertThat(notYet.enough()).isFalse();
        assertThat(notYet.leads()).isEqualTo(975);
        assertThat(notYet.conversions()).isEqualTo(163);
        assertThat(notYet.reason())
                .isEqualTo("975 leads and 163 conversions in the last 200 days; a model needs 1,000 and 120");

        assertThat(Training.enough(rows, new Training.Settings(900, 120, 200, 90), now).enough()).isTrue();
        assertThat(Training.enough(rows, new Training.Settings(900, 170, 200, 90), now).enough()).isFalse();
        // 60 days earlier the old leads were inside the window too
        assertThat(Training.enough(rows, SETTINGS, now.minus(Duration.ofDays(60))).leads()).isEqualTo(1_300);
    }

    @Test
    void refusesDataWithoutBothOutcomes() {
        List<TrainingRow> none = TrainedOnce.ROWS.stream().map(r -> new TrainingRow(r.facts(), false)).toList();
        assertThatThrownBy(() -> Training.train("all", none, Set.of(), SETTINGS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 converted");
        assertThatThrownBy(() -> Training.train("all", TrainedOnce.ROWS, Set.copyOf(Features.KEYS), SETTINGS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("every feature is excluded");
        assertThatThrownBy(() -> Training.train("all", TrainedOnce.ROWS, Set.of("jobTitle"), SETTINGS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown feature key");
    }

    private static List<TrainingRow> shuffledLabels(List<TrainingRow> rows) {
        List<Boolean> labels = new ArrayList<>(rows.stream().map(TrainingRow::converted).toList());
        Collections.shuffle(labels, new Random(17));
        List<TrainingRow> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            out.add(new TrainingRow(rows.get(i).facts(), labels.get(i)));
        }
        return out;
    }
}
