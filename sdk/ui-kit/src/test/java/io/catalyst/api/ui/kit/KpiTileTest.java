package io.catalyst.api.ui.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.api.metrics.MetricsResult;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class KpiTileTest {

    @Test
    void toneFollowsWhetherHigherIsBetter() {
        assertThat(KpiTile.tone(new BigDecimal("5"), true)).isEqualTo(KpiTile.Tone.POSITIVE);
        assertThat(KpiTile.tone(new BigDecimal("-5"), true)).isEqualTo(KpiTile.Tone.NEGATIVE);
        assertThat(KpiTile.tone(new BigDecimal("5"), false)).isEqualTo(KpiTile.Tone.NEGATIVE);
        assertThat(KpiTile.tone(new BigDecimal("-5"), false)).isEqualTo(KpiTile.Tone.POSITIVE);
        assertThat(KpiTile.tone(BigDecimal.ZERO, true)).isEqualTo(KpiTile.Tone.NEUTRAL);
        assertThat(KpiTile.tone(null, true)).isEqualTo(KpiTile.Tone.NEUTRAL);
    }

    @Test
    void risingSpendIsRedRisingRevenueGreen() {
        MetricsResult r = Fixtures.campaigns(true);

        KpiTile spend = KpiTile.of(Fixtures.KIT, r, "spend");
        KpiTile revenue = KpiTile.of(Fixtures.KIT, r, "revenue");

        assertThat(spend.getLabelText()).isEqualTo("Spend");
        assertThat(spend.getValueText()).isEqualTo("€150.50");
        assertThat(spend.getDeltaText()).isEqualTo("+€70.50 (+88.1%)");
        assertThat(spend.getTone()).isEqualTo(KpiTile.Tone.NEGATIVE);
        assertThat(spend.getDeltaColour()).isEqualTo(KitTheme.DEFAULT.negative());
        assertThat(revenue.getDeltaText()).isEqualTo("+€102.00 (+34.0%)");
        assertThat(revenue.getTone()).isEqualTo(KpiTile.Tone.POSITIVE);
        assertThat(revenue.getDeltaColour()).isEqualTo(KitTheme.DEFAULT.positive());

        KpiTile roas = KpiTile.of(Fixtures.KIT, r, "roas");
        assertThat(roas.getValueText()).isEqualTo("2.67×");
        assertThat(roas.getTone()).isEqualTo(KpiTile.Tone.NEGATIVE);
        assertThat(roas.getDeltaText()).startsWith("−1.08×");
    }

    @Test
    void withoutCompareTheDeltaIsEmptyAndNeutral() {
        KpiTile spend = KpiTile.of(Fixtures.KIT, Fixtures.campaigns(false), "spend");
        assertThat(spend.getValueText()).isEqualTo("€150.50");
        assertThat(spend.getDeltaText()).isEmpty();
        assertThat(spend.getTone()).isEqualTo(KpiTile.Tone.NEUTRAL);
        assertThat(spend.getDeltaColour()).isEqualTo(KitTheme.DEFAULT.neutral());
    }

    @Test
    void aZeroCompareValueIsNewNotInfinite() {
        KpiTile t = new KpiTile(Fixtures.KIT, "clicks").show(new BigDecimal("40"), BigDecimal.ZERO, true, "EUR");
        assertThat(t.getDeltaText()).isEqualTo("+40 (new)");
        assertThat(t.getTone()).isEqualTo(KpiTile.Tone.POSITIVE);
    }

    @Test
    void goalProgressAndSparkline() {
        KpiTile t = KpiTile.of(Fixtures.KIT, Fixtures.campaigns(true), "revenue").goal(new BigDecimal("800"))
                .sparkline(Fixtures.days());
        assertThat(t.getGoalText()).isEqualTo("50.2% of goal €800.00");
        assertThat(t.getElement().getChildCount()).isEqualTo(5);
        assertThat(t.getElement().getTextRecursively()).contains("Revenue", "€402.00", "of goal");
        assertThat(t.getChildren().flatMap(c -> c.getChildren()).anyMatch(c -> c instanceof Chart)).isTrue();
    }
}
