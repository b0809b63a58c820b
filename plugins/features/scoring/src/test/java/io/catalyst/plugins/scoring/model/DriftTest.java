package io.catalyst.plugins.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class DriftTest {

    private static final Drift.Reference REFERENCE = Drift.Reference.of(leads(5_000, 7), Features.KEYS);

    private static List<LeadFacts> leads(int n, long seed) {
        return SyntheticLeads.generate(n, seed).stream().map(TrainingRow::facts).toList();
    }

    private static LeadFacts with(LeadFacts l, String channel, Integer pageViews, String industry) {
        return new LeadFacts(l.id(), l.createdAt(), channel, l.jobTitle(), l.employees(), industry, l.country(),
                l.form(), pageViews, l.emailOpens(), l.email());
    }

    private static LeadFacts blank(String id) {
        return new LeadFacts(id, Instant.EPOCH, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void leadsLikeTheTrainingLeadsAreStable() {
        Drift.Report report = Drift.compare(REFERENCE, leads(3_000, 8));
        assertThat(report.verdict()).isEqualTo("stable");
        assertThat(report.rows()).isEqualTo(3_000);
        assertThat(report.features()).hasSize(Features.KEYS.size()).allMatch(s -> s.verdict().equals("stable"));
        assertThat(report.maxPsi()).isLessThan(0.02);
        assertThat(report.words()).startsWith("Stable: 3,000 current leads against 5,000");
        // the same leads as the reference: nothing moved at all
        assertThat(Drift.compare(REFERENCE, leads(5_000, 7)).maxPsi()).isCloseTo(0, within(1e-12));
    }

    @Test
    void doubledPageViewsAreAMajorShiftOfThatFeatureAlone() {
        List<LeadFacts> doubled = leads(3_000, 8).stream()
                .map(l -> with(l, l.channel(), l.pageViews() == null ? null : 2 * l.pageViews() + 1, l.industry()))
                .toList();
        Drift.Report report = Drift.compare(REFERENCE, doubled);
        Drift.Shift first = report.features().get(0);
        assertThat(first.feature()).isEqualTo("pageViews");
        assertThat(first.label()).isEqualTo("Pages viewed");
        assertThat(first.psi()).isGreaterThan(Drift.MAJOR);
        assertThat(first.verdict()).isEqualTo("major shift");
        assertThat(report.features().subList(1, report.features().size())).allMatch(s -> s.psi() < Drift.MODERATE);
        assertThat(report.features()).extracting(s -> -s.psi()).isSorted();
        assertThat(report.verdict()).isEqualTo("major shift");
        assertThat(report.words()).startsWith("Major shift:").contains("Pages viewed (PSI ")
                .doesNotContain("Came from");
    }

    @Test
    void aChangedChannelMixIsFoundAndANewChannelCounts() {
        Random random = new Random(3);
        List<LeadFacts> linkedIn = leads(3_000, 8).stream()
                .map(l -> random.nextDouble() < 0.6 ? with(l, "linkedin-ads", l.pageViews(), l.industry()) : l)
                .toList();
        Drift.Report report = Drift.compare(REFERENCE, linkedIn);
        assertThat(report.features().get(0).feature()).isEqualTo("channel");
        assertThat(report.features().get(0).psi()).isGreaterThan(Drift.MAJOR);
        assertThat(report.features().get(1).psi()).isLessThan(Drift.MODERATE);

        // a channel the training leads never came from lands in "other", empty in training
        List<LeadFacts> tikTok = leads(3_000, 8).stream()
                .map(l -> random.nextDouble() < 0.05 ? with(l, "tiktok-ads", l.pageViews(), l.industry()) : l)
                .toList();
        Drift.Shift channel = Drift.compare(REFERENCE, tikTok).features().get(0);
        assertThat(channel.feature()).isEqualTo("channel");
        assertThat(channel.psi()).isGreaterThan(Drift.MAJOR);
    }

    @Test
    void aModerateShiftIsCalledModerate() {
        Random random = new Random(4);
        List<LeadFacts> some = leads(5_000, 8).stream()
                .map(l -> random.nextDouble() < 0.2 ? with(l, "linkedin-ads", l.pageViews(), l.industry()) : l)
                .toList();
        Drift.Report report = Drift.compare(REFERENCE, some);
        assertThat(report.features().get(0).feature()).isEqualTo("channel");
        assertThat(report.maxPsi()).isBetween(Drift.MODERATE, Drift.MAJOR);
        assertThat(report.verdict()).isEqualTo("moderate shift");
        assertThat(report.words()).startsWith("Moderate shift:").contains("Came from (PSI ");
    }

    @Test
    void missingValuesHaveTheirOwnBin() {
        // page views go missing for half the leads: a shift, though no count changed
        Random random = new Random(5);
        List<LeadFacts> lost = leads(3_000, 8).stream()
                .map(l -> random.nextBoolean() ? with(l, l.channel(), null, l.industry()) : l).toList();
        Drift.Report report = Drift.compare(REFERENCE, lost);
        assertThat(report.features().get(0).feature()).isEqualTo("pageViews");
        assertThat(report.features().get(0).psi()).isGreaterThan(Drift.MAJOR);

        // a reference of leads that tell nothing: each feature's one bin with leads is "unknown"
        List<LeadFacts> blanks = List.of(blank("a"), blank("b"), blank("c"));
        Drift.Reference empty = Drift.Reference.of(blanks, Features.KEYS);
        for (Drift.Bins bins : empty.features()) {
            assertThat(bins.edges()).isEmpty();
            assertThat(bins.values()).isEmpty();
            assertThat(bins.shares()).containsExactly(0.0, 1.0);
        }
        assertThat(Drift.compare(empty, List.of(blank("d"))).verdict()).isEqualTo("stable");
        assertThat(Drift.compare(empty, leads(500, 9)).features()).allMatch(s -> s.psi() > Drift.MAJOR);
        assertThatThrownBy(() -> Drift.compare(REFERENCE, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsAreBinnedByDecilesAndCategoriesByTheirTopValues() {
        Drift.Bins pageViews = REFERENCE.features().get(Features.KEYS.indexOf("pageViews"));
        assertThat(pageViews.feature()).isEqualTo("pageViews");
        assertThat(pageViews.edges()).isNotEmpty().hasSizeLessThanOrEqualTo(9).isSorted().doesNotHaveDuplicates();
        assertThat(pageViews.shares()).hasSize(pageViews.edges().size() + 2);
        // the unknown bin holds the leads without a count (1 in 20 of the synthetic leads)
        assertThat(pageViews.shares().get(pageViews.shares().size() - 1)).isCloseTo(0.05, within(0.01));
        for (Drift.Bins bins : REFERENCE.features()) {
            assertThat(bins.shares().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-9));
        }

        // fifteen industries, a to j commoner: those by name, k to o as "other"
        List<LeadFacts> many = new ArrayList<>();
        List<LeadFacts> base = leads(1_700, 12);
        for (int i = 0; i < base.size(); i++) {
            LeadFacts l = base.get(i);
            char industry = (char) ('a' + (i < 1_500 ? i % 15 : i % 10));
            many.add(with(l, l.channel(), l.pageViews(), "industry-" + industry));
        }
        many.add(with(blank("u"), null, null, null));
        Drift.Bins industry = Drift.Reference.of(many, List.of("industry")).features().get(0);
        assertThat(industry.values()).hasSize(Drift.MAX_VALUES)
                .containsExactly("industry-a", "industry-b", "industry-c", "industry-d", "industry-e", "industry-f",
                        "industry-g", "industry-h", "industry-i", "industry-j");
        List<Double> shares = industry.shares();
        assertThat(shares.get(Drift.MAX_VALUES)).isCloseTo(500.0 / many.size(), within(1e-12));
        assertThat(shares.get(Drift.MAX_VALUES + 1)).isCloseTo(1.0 / many.size(), within(1e-12));
    }

    @Test
    void psiIsTheSumOverBinsWithEmptyBinsFloored() {
        List<LeadFacts> reference = List.of(
                with(blank("1"), "google-ads", null, null), with(blank("2"), "google-ads", null, null),
                with(blank("3"), "meta-ads", null, null), blank("4"));
        Drift.Reference ref = Drift.Reference.of(reference, List.of("channel"));
        assertThat(ref.features().get(0).values()).containsExactly("Google Ads", "Meta Ads");
        assertThat(ref.features().get(0).shares()).containsExactly(0.5, 0.25, 0.0, 0.25);
        List<LeadFacts> current = List.of(
                with(blank("5"), "google-ads", null, null), with(blank("6"), "meta-ads", null, null),
                with(blank("7"), "meta-ads", null, null), with(blank("8"), "meta-ads", null, null));
        double f = Drift.FLOOR;
        double expected = (0.25 - 0.5) * Math.log(0.25 / 0.5) + (0.75 - 0.25) * Math.log(0.75 / 0.25)
                + (f - 0.25) * Math.log(f / 0.25);
        Drift.Shift shift = Drift.compare(ref, current).features().get(0);
        assertThat(shift.psi()).isCloseTo(expected, within(1e-12));
        assertThat(Drift.verdict(0.0999)).isEqualTo("stable");
        assertThat(Drift.verdict(0.1)).isEqualTo("moderate shift");
        assertThat(Drift.verdict(0.25)).isEqualTo("major shift");
    }

    @Test
    void theReferenceRoundTripsThroughJson() {
        String json = REFERENCE.toJson();
        assertThat(Drift.Reference.fromJson(json)).isEqualTo(REFERENCE);
        assertThat(Drift.Reference.fromJson(Drift.Reference.of(List.of(blank("x")), Features.KEYS).toJson()))
                .isEqualTo(Drift.Reference.of(List.of(blank("x")), Features.KEYS));
        assertThatThrownBy(() -> Drift.Reference.fromJson("{\"rows\":1}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a drift reference");
        assertThatThrownBy(() -> Drift.Reference.fromJson("{\"rows\":1,\"features\":[{\"feature\":\"channel\","
                + "\"values\":[\"a\"],\"shares\":[1]}]}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shares for 3 bins");
    }

    @Test
    void trainingKeepsTheReferenceInTheCard() {
        ModelCard card = TrainedOnce.MODEL.card();
        Drift.Reference reference = card.driftReference();
        assertThat(reference.rows()).isEqualTo(TrainedOnce.ROWS.size());
        assertThat(reference.features()).extracting(Drift.Bins::feature).isEqualTo(card.features());
        assertThat(ModelCard.driftReference(card.toJson())).contains(reference);
        assertThat(Drift.compare(reference, leads(2_000, 11)).verdict()).isEqualTo("stable");

        MlModel excluding = Training.train("all", TrainedOnce.ROWS, java.util.Set.of("country"),
                Training.Settings.defaults()).model();
        assertThat(excluding.card().driftReference().features()).extracting(Drift.Bins::feature)
                .doesNotContain("country").hasSize(Features.KEYS.size() - 1);
    }

    @Test
    void aCardWithoutAReferenceStillReads() {
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(TrainedOnce.MODEL.card().toJson());
        json.remove("driftReference");
        json.remove("choice");
        assertThat(ModelCard.driftReference(Json.write(json))).isEmpty();

        // a card from before drift and the comparison, as Java serialisation brings it back: both null
        ModelCard card = TrainedOnce.MODEL.card();
        ModelCard old = new ModelCard(card.version(), card.segment(), card.trainer(), card.hyperParameters(),
                card.provenanceJson(), card.trainedAt(), card.trainingMillis(), card.dataFingerprint(),
                card.evaluation(), card.features(), card.excluded(), card.topFactors(), card.calibration(), null, null);
        assertThat(ModelCard.driftReference(old.toJson())).isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> oldJson = (Map<String, Object>) Json.parse(old.toJson());
        assertThat(oldJson).doesNotContainKeys("driftReference", "choice");
        MlModel model = new MlModel(TrainedOnce.MODEL.model().tribuoModel(), Map.of(), card.calibration(), old);
        assertThat(MlModel.fromBytes(model.toBytes()).card()).isEqualTo(old);
        assertThatThrownBy(() -> ModelCard.driftReference("[]")).isInstanceOf(IllegalArgumentException.class);
    }
}
