package io.catalyst.plugins.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class MlModelTest {

    private static final MlModel MODEL = TrainedOnce.MODEL.model();

    @Test
    void pointsAreTheCalibratedProbabilityInPercent() {
        Score hot = MODEL.score(TrainedOnce.hotLead());
        Score cold = MODEL.score(TrainedOnce.coldLead());
        assertThat(hot.points()).isEqualTo((int) Math.round(100 * hot.probability()));
        assertThat(hot.probability()).isEqualTo(MODEL.probability(TrainedOnce.hotLead()));
        assertThat(hot.points()).isGreaterThan(50);
        assertThat(cold.points()).isLessThan(3);
        assertThat(MODEL.score(TrainedOnce.studentLead()).points()).isBetween(cold.points() + 1, hot.points() - 1);
        assertThat(hot.model()).isEqualTo("ml-all-1");
    }

    @Test
    void theFastPathAgreesWithTribuosOwnPrediction() {
        Calibration c = MODEL.calibration();
        for (TrainingRow row : SyntheticLeads.generate(300, 55)) {
            double raw = MODEL.tribuoModel().predict(MODEL.example(row.facts())).getOutputScores()
                    .get("converted").getScore();
            double expected = c.probability(Math.log(raw / (1 - raw)));
            assertThat(MODEL.probability(row.facts())).isCloseTo(expected, within(1e-9));
        }
    }

    @Test
    void reasonsNameTheLeadsDriversWithTheRightSigns() {
        Map<String, Double> hot = effects(MODEL.score(TrainedOnce.hotLead()));
        assertThat(hot.get("form")).isPositive();
        assertThat(hot.get("seniority")).isPositive();
        assertThat(hot.get("pageViews")).isPositive();
        assertThat(MODEL.score(TrainedOnce.hotLead()).reasons()).anySatisfy(r ->
                assertThat(r.words()).startsWith("First form is Demo request (+"));

        Score student = MODEL.score(TrainedOnce.studentLead());
        Map<String, Double> pulls = effects(student);
        assertThat(pulls.get("form")).isPositive();
        assertThat(pulls.get("seniority")).isNegative();
        assertThat(pulls.get("personalEmail")).isNegative();
        assertThat(student.reasons()).anySatisfy(r -> {
            assertThat(r.label()).isEqualTo("Job level");
            assertThat(r.value()).isEqualTo("Student");
        });
    }

    @Test
    void reasonsAreTheStrongestThreeEachWayInPoints() {
        for (TrainingRow row : SyntheticLeads.generate(300, 56)) {
            Score score = MODEL.score(row.facts());
            List<Reason> reasons = score.reasons();
            assertThat(reasons.stream().filter(r -> r.effect() > 0).count()).isLessThanOrEqualTo(3);
            assertThat(reasons.stream().filter(r -> r.effect() < 0).count()).isLessThanOrEqualTo(3);
            assertThat(reasons).allMatch(r -> Math.abs(r.effect()) >= MlModel.MIN_EFFECT);
            assertThat(reasons).extracting(r -> -Math.abs(r.effect())).isSorted();
            assertThat(reasons).extracting(Reason::feature).doesNotHaveDuplicates();
            // an effect is the points the score would lose without that feature's pull: never more than it has
            assertThat(reasons).allMatch(r -> r.effect() <= score.probability() * 100 + 1e-9);
            assertThat(reasons).allMatch(r -> r.value().equals(Features.display(r.feature(), row.facts())));
        }
    }

    @Test
    void excludedFeaturesAreNeitherTrainedOnNorGivenAsReasons() {
        Set<String> excluded = Set.of("form", "seniority");
        MlModel model = Training.train("all", TrainedOnce.ROWS, excluded, Training.Settings.defaults()).model();
        assertThat(model.card().excluded()).isEqualTo(excluded);
        assertThat(model.card().features()).doesNotContainAnyElementsOf(excluded).hasSize(7);
        assertThat(model.card().topFactors()).noneMatch(f -> excluded.contains(f.feature()));
        assertThat(model.tribuoModel().getFeatureIDMap().keySet())
                .noneMatch(name -> name.startsWith("form=") || name.startsWith("seniority="));
        for (TrainingRow row : SyntheticLeads.generate(500, 57)) {
            assertThat(model.score(row.facts()).reasons()).noneMatch(r -> excluded.contains(r.feature()));
        }
        assertThat(model.card().dataFingerprint()).isNotEqualTo(MODEL.card().dataFingerprint());
        assertThat(model.version()).startsWith("ml-all-").hasSize("ml-all-".length() + 12);
    }

    @Test
    void bytesRoundTripScoresExactly() {
        MlModel back = MlModel.fromBytes(MODEL.toBytes());
        assertThat(back.card()).isEqualTo(MODEL.card());
        for (TrainingRow row : SyntheticLeads.generate(500, 58)) {
            assertThat(back.score(row.facts())).isEqualTo(MODEL.score(row.facts()));
        }
    }

    @Test
    void deserialisationRefusesForeignClasses() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new AssertionFailedError("not a model"));
        }
        assertThatThrownBy(() -> MlModel.fromBytes(bytes.toByteArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("refused");
        assertThatThrownBy(() -> MlModel.fromBytes(new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cannot read");
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(list)) {
            out.writeObject(new java.util.ArrayList<>(List.of("x")));
        }
        assertThatThrownBy(() -> MlModel.fromBytes(list.toByteArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a stored scoring model");
    }

    @Test
    void theCardCarriesProvenanceAndTheRegistryPayload() {
        ModelCard card = MODEL.card();
        assertThat(card.segment()).isEqualTo("all");
        assertThat(card.trainer()).contains("LinearSGDTrainer").contains("LogMulticlass").contains("seed=42");
        assertThat(card.hyperParameters()).containsEntry("seed", "42").containsEntry("calibration", "Platt scaling");
        assertThat(card.provenanceJson()).contains("org.tribuo.classification.sgd.linear.LinearSGDModel")
                .contains("Catalyst leads of segment all");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(card.toJson());
        assertThat(json).containsKeys("version", "segment", "trainer", "hyperParameters", "provenance", "trainedAt",
                "trainingMillis", "dataFingerprint", "evaluation", "features", "excluded", "topFactors", "calibration",
                "auc", "brier", "baseRate");
        assertThat(json.get("dataFingerprint")).isEqualTo(card.dataFingerprint());
        assertThat(((Number) json.get("auc")).doubleValue()).isEqualTo(card.evaluation().auc());
        assertThat((List<?>) json.get("provenance")).isNotEmpty();
    }

    /** Near 0 points a feature can move the score by less than a point; only the strongest pulls remain. */
    @Test
    void aHopelessLeadKeepsOnlyItsStrongestReason() {
        Score cold = MODEL.score(TrainedOnce.coldLead());
        assertThat(cold.points()).isZero();
        assertThat(cold.reasons()).isNotEmpty().allMatch(r -> r.effect() < 0);
        assertThat(cold.reasons().get(0).feature()).isEqualTo("seniority");
    }

    private static Map<String, Double> effects(Score score) {
        return score.reasons().stream().collect(java.util.stream.Collectors.toMap(Reason::feature, Reason::effect));
    }
}
