package io.catalyst.plugins.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.api.ai.ToolResult.Figure;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class FigureCheckTest {

    private static final List<Figure> FIGURES = List.of(
            new Figure("ROAS, Meta", new BigDecimal("3.8235294"), "ratio", "plugins/dashboards/overview?a"),
            new Figure("ROAS change", new BigDecimal("0.2745098"), "percent", "plugins/dashboards/overview?b"),
            new Figure("Spend", new BigDecimal("12345.67"), "money", null),
            new Figure("Conversions", new BigDecimal("1234"), "integer", null));

    @Test
    void numbersMatchAtThePrecisionTheyAreWrittenWith() {
        List<FigureCheck.Part> parts = FigureCheck.check("ROAS was 3.82× (+27.5%) on €12,345.67 of spend, or"
                + " €12.3k, and 1,234 conversions.", FIGURES);

        assertThat(parts).filteredOn(FigureCheck.Part::number).extracting(FigureCheck.Part::text)
                .containsExactly("3.82×", "+27.5%", "€12,345.67", "€12.3k", "1,234");
        assertThat(parts).filteredOn(FigureCheck.Part::number).allSatisfy(p -> assertThat(p.figure()).isNotNull());
        assertThat(parts.stream().filter(FigureCheck.Part::number).findFirst().orElseThrow().figure().link())
                .endsWith("?a");
        assertThat(FigureCheck.unverified(parts)).isZero();
        // the text around the numbers is kept as it was
        assertThat(parts.stream().map(FigureCheck.Part::text).reduce("", String::concat))
                .isEqualTo("ROAS was 3.82× (+27.5%) on €12,345.67 of spend, or €12.3k, and 1,234 conversions.");
    }

    @Test
    void aFigureNoToolReturnedIsFlagged() {
        List<FigureCheck.Part> parts = FigureCheck.check("ROAS was 3.9× and spend €13,000.", FIGURES);

        assertThat(parts).filteredOn(FigureCheck.Part::unverified).extracting(FigureCheck.Part::text)
                .containsExactly("3.9×", "€13,000");
        // 27.5 is a change in percent: written without % it is not that figure
        assertThat(FigureCheck.unverified(FigureCheck.check("it rose 27.5 points", FIGURES))).isEqualTo(1);
    }

    @Test
    void datesYearsAndSmallCountsAreNotFigures() {
        List<FigureCheck.Part> parts = FigureCheck.check("From 2026-11-01 to 2026-11-30 in 2026, 3 campaigns over"
                + " the last 30 days.", FIGURES);

        assertThat(parts).noneMatch(FigureCheck.Part::number);
    }
}
