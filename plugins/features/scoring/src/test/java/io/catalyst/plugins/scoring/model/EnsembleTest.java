package io.catalyst.plugins.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.tribuo.ensemble.WeightedEnsembleModel;

/** The tree ensemble trained beside the logistic regression, and deployed only when it ranks leads better. */
class EnsembleTest {

    private static final Training.Trained XOR = Training.train("all", "ml-xor",
            SyntheticLeads.interaction(4_000, 3), Set.of(), Training.Settings.defaults());
    private static final MlModel ENSEMBLE = XOR.model();

    private static LeadFacts lead(String channel, String form) {
        return new LeadFacts("q", SyntheticLeads.NOW, channel, "Analyst", 300, "Retail", "DE", form, 8, 2,
                "q@acme.com");
    }

    @Test
    void onLinearDataTheComparisonIsRecordedAndTheLogisticRegressionKept() {
        ModelCard card = TrainedOnce.MODEL.card();
        ModelCard.Choice choice = card.choice();
        assertThat(choice.chosen()).isEqualTo(ModelCard.Choice.LOGISTIC);
        assertThat(choice.logisticAuc()).isEqualTo(card.evaluation().auc());
        // the forest learns the planted drivers too, just not better than the linear model they were planted in
        assertThat(choice.ensembleAuc()).isGreaterThan(0.7)
                .isLessThan(choice.logisticAuc() + Training.ENSEMBLE_MIN_GAIN);
        assertThat(choice.words()).startsWith("The logistic regression is used")
                .contains(String.format(Locale.ENGLISH, "AUC %.3f against %.3f", choice.ensembleAuc(),
                        choice.logisticAuc()));
        assertThat(TrainedOnce.MODEL.model().linear()).isTrue();
        assertThat(card.trainer()).contains("LinearSGDTrainer");

        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) ((Map<String, Object>) Json.parse(card.toJson()))
                .get("choice");
        assertThat(json).containsEntry("chosen", "logistic regression").containsEntry("words", choice.words());
        assertThat(((Number) json.get("treeEnsembleAuc")).doubleValue()).isEqualTo(choice.ensembleAuc());
        assertThat(((Number) json.get("logisticRegressionAuc")).doubleValue()).isEqualTo(choice.logisticAuc());
    }

    @Test
    void anInteractionALinearModelCannotSeeMakesTheEnsembleWin() {
        ModelCard card = XOR.card();
        ModelCard.Choice choice = card.choice();
        assertThat(choice.chosen()).isEqualTo(ModelCard.Choice.ENSEMBLE);
        // the channel's small main effect is all the linear model can use
        assertThat(choice.logisticAuc()).isBetween(0.5, 0.68);
        assertThat(choice.ensembleAuc()).isGreaterThan(0.68)
                .isGreaterThanOrEqualTo(choice.logisticAuc() + Training.ENSEMBLE_MIN_GAIN);
        assertThat(choice.words()).startsWith("The tree ensemble is used")
                .contains(String.format(Locale.ENGLISH, "AUC %.3f against %.3f", choice.ensembleAuc(),
                        choice.logisticAuc()));
        assertThat(card.evaluation().auc()).isEqualTo(choice.ensembleAuc());
        assertThat(ENSEMBLE.linear()).isFalse();
        assertThat(ENSEMBLE.tribuoModel()).isInstanceOf(WeightedEnsembleModel.class);
        assertThat(card.trainer()).contains("RandomForestTrainer").contains("CARTClassificationTrainer");
        assertThat(card.hyperParameters()).containsEntry("trees", String.valueOf(Training.TREES))
                .containsEntry("calibration", "Platt scaling").doesNotContainKey("epochs");
        // the factors average the occlusion effects: the channel's main effect leads; the pair's interaction,
        // which raises and lowers by turns, averages out
        assertThat(card.topFactors()).isNotEmpty();
        assertThat(card.topFactors().get(0).feature()).isEqualTo("channel");
        // the members' provenance is left out of the card: it repeats the forest's 50 times
        assertThat(card.provenanceJson()).contains("RandomForestTrainer").hasSizeLessThan(50_000);

        // on fresh leads too, and calibrated: the mean probability is about the conversion rate
        List<TrainingRow> fresh = SyntheticLeads.interaction(3_000, 103);
        Evaluation e = Training.evaluate(ENSEMBLE, fresh);
        assertThat(e.auc()).isGreaterThan(0.68);
        assertThat(e.brier()).isLessThan(e.baseRateBrier());
        double mean = fresh.stream().mapToDouble(r -> ENSEMBLE.probability(r.facts())).average().orElseThrow();
        assertThat(mean).isBetween(e.baseRate() - 0.03, e.baseRate() + 0.03);
    }

    @Test
    void theEnsemblesReasonsNameThePlantedFeatures() {
        for (LeadFacts hot : List.of(lead("linkedin-ads", "Newsletter"), lead("google-ads", "Demo request"))) {
            Score score = ENSEMBLE.score(hot);
            assertThat(score.points()).isGreaterThan(15);
            assertThat(score.reasons().subList(0, 2)).extracting(Reason::feature)
                    .containsExactlyInAnyOrder("channel", "form");
            assertThat(score.reasons().subList(0, 2)).allMatch(r -> r.effect() > 0);
        }
        for (LeadFacts cold : List.of(lead("linkedin-ads", "Demo request"), lead("google-ads", "Newsletter"))) {
            Score score = ENSEMBLE.score(cold);
            assertThat(score.points()).isLessThan(10);
            assertThat(score.reasons()).filteredOn(r -> r.feature().equals("channel") || r.feature().equals("form"))
                    .isNotEmpty().allMatch(r -> r.effect() < 0);
        }
        // over many leads, the planted pair moves scores most
        Map<String, Double> pull = new HashMap<>();
        for (TrainingRow row : SyntheticLeads.interaction(300, 104)) {
            for (Reason r : ENSEMBLE.score(row.facts()).reasons()) {
                pull.merge(r.feature(), Math.abs(r.effect()), Double::sum);
            }
        }
        List<String> strongest = pull.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
        assertThat(strongest.subList(0, 2)).containsExactlyInAnyOrder("channel", "form");
    }

    @Test
    void ensembleScoresHaveTheLogisticRegressionsShape() {
        for (TrainingRow row : SyntheticLeads.interaction(200, 105)) {
            Score score = ENSEMBLE.score(row.facts());
            assertThat(score.probability()).isEqualTo(ENSEMBLE.probability(row.facts()));
            assertThat(score.points()).isEqualTo((int) Math.round(100 * score.probability()));
            assertThat(score.model()).isEqualTo("ml-xor");
            List<Reason> reasons = score.reasons();
            assertThat(reasons.stream().filter(r -> r.effect() > 0).count()).isLessThanOrEqualTo(3);
            assertThat(reasons.stream().filter(r -> r.effect() < 0).count()).isLessThanOrEqualTo(3);
            assertThat(reasons).allMatch(r -> Math.abs(r.effect()) >= MlModel.MIN_EFFECT);
            assertThat(reasons).extracting(r -> -Math.abs(r.effect())).isSorted();
            assertThat(reasons).extracting(Reason::feature).doesNotHaveDuplicates();
            assertThat(reasons).allMatch(r -> r.effect() <= score.probability() * 100 + 1e-9);
            assertThat(reasons).allMatch(r -> r.value().equals(Features.display(r.feature(), row.facts())));
            assertThat(reasons).allMatch(r -> r.label().equals(Features.label(r.feature())));
        }
    }

    @Test
    void anEnsembleRoundTripsThroughBytesAndScoresIdentically() {
        MlModel back = MlModel.fromBytes(ENSEMBLE.toBytes());
        assertThat(back.linear()).isFalse();
        assertThat(back.card()).isEqualTo(ENSEMBLE.card());
        assertThat(back.calibration()).isEqualTo(ENSEMBLE.calibration());
        for (TrainingRow row : SyntheticLeads.interaction(300, 106)) {
            assertThat(back.score(row.facts())).isEqualTo(ENSEMBLE.score(row.facts()));
        }
    }

    @Test
    void deserialisationStillRefusesForeignClassesBesideAnEnsemble() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(List.of(ENSEMBLE.tribuoModel(), new AssertionFailedError("not a model"))));
        }
        assertThatThrownBy(() -> MlModel.fromBytes(bytes.toByteArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("refused");
    }

    @Test
    void theSameRowsAndSeedGiveTheSameEnsemble() {
        MlModel again = Training.train("all", "ml-xor", SyntheticLeads.interaction(4_000, 3), Set.of(),
                Training.Settings.defaults()).model();
        assertThat(again.calibration()).isEqualTo(ENSEMBLE.calibration());
        for (TrainingRow row : SyntheticLeads.interaction(100, 107)) {
            assertThat(again.score(row.facts())).isEqualTo(ENSEMBLE.score(row.facts()));
        }
    }
}
