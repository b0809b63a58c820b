package io.catalyst.plugins.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.plugins.recommendations.rules.Engine;
import io.catalyst.plugins.recommendations.rules.Finding;
import io.catalyst.plugins.recommendations.rules.Kind;
import io.catalyst.plugins.recommendations.rules.Reader;
import io.catalyst.plugins.recommendations.rules.Targets;
import io.catalyst.sdk.testkit.PluginTestKit;
import io.catalyst.sdk.testkit.PluginTestKitExtension;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rules over the demo generator's data, with the demo company acme-outdoor's goals (target CPA 38.5, monthly
 * budget 85,000; tenants/acme-outdoor.yaml). The generator's ads fatigue, its ad sets are small, its campaigns
 * differ in return and its spend runs above that budget, so those Meta kinds are found. Its Meta campaigns all stay
 * under that target CPA and every Meta ad converts, so CPA-over-target and zero-conversion spend show on LinkedIn,
 * TikTok and Google only.
 */
@ExtendWith(PluginTestKitExtension.class)
class DemoRecommendationsTest {

    static final Targets ACME = new Targets(38.5, "goals", 85_000.0, null);

    static List<Finding> run(PluginTestKit kit) {
        DemoWarehouse.fill(kit.context().metrics(), "acme", DemoWarehouse.TODAY, 100);
        Reader.Figures figures = Reader.read(kit.context().metrics(), Logger.getAnonymousLogger());
        return Engine.run(figures.channels(), figures.spendByChannel(), ACME, figures.yesterday());
    }

    @Test
    void theDemoDataYieldsEveryMetaKindItSupports(PluginTestKit kit) {
        List<Finding> found = run(kit);
        Map<Kind, Long> meta = found.stream().filter(f -> f.channel().equals("meta-ads"))
                .collect(Collectors.groupingBy(Finding::kind, Collectors.counting()));

        assertThat(meta.keySet()).contains(Kind.CREATIVE_FATIGUE, Kind.LEARNING_LIMITED, Kind.BUDGET_SHIFT);
        assertThat(found).filteredOn(f -> f.kind() == Kind.BUDGET_PACING).singleElement()
                .satisfies(f -> assertThat(f.impactLabel()).contains("overspend"));
        assertThat(found).filteredOn(f -> f.kind() == Kind.CPA_OVER_TARGET)
                .extracting(Finding::channel).doesNotContain("meta-ads").isNotEmpty();
        assertThat(found).filteredOn(f -> f.kind() == Kind.ZERO_CONVERSION_SPEND)
                .extracting(Finding::channel).doesNotContain("meta-ads").isNotEmpty();
        assertThat(found).as("every finding has evidence, an impact and a confidence").allSatisfy(f -> {
            assertThat(f.evidence().rows()).isNotEmpty();
            assertThat(f.impact()).isPositive();
            assertThat(f.confidence()).isBetween(0.0, 1.0);
            assertThat(Phrasing.template(f, "USD").body()).isNotBlank();
        });
        System.out.println("Demo recommendations: " + Engine.counts(found) + "; Meta: " + meta);
    }

    @Test
    void aTenantWithoutGoalsGetsNoCpaOrPacingRecommendations(PluginTestKit kit) {
        DemoWarehouse.fill(kit.context().metrics(), "acme", DemoWarehouse.TODAY, 100);
        Reader.Figures figures = Reader.read(kit.context().metrics(), Logger.getAnonymousLogger());
        List<Finding> found = Engine.run(figures.channels(), figures.spendByChannel(), Targets.NONE,
                figures.yesterday());
        assertThat(found).extracting(Finding::kind).doesNotContain(Kind.CPA_OVER_TARGET, Kind.BUDGET_PACING)
                .contains(Kind.CREATIVE_FATIGUE);
    }
}
