package io.catalyst.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalyst.api.metrics.MetricsException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FormulaTest {

    private static final Set<String> KNOWN = Set.of("spend", "leads", "clicks", "impressions");

    private static BigDecimal eval(String formula, Map<String, BigDecimal> figures) {
        return Formula.parse(formula, KNOWN::contains).evaluate(figures);
    }

    @Test
    void precedenceParenthesesAndUnaryMinusWorkAsInArithmetic() {
        Map<String, BigDecimal> f = Map.of("spend", new BigDecimal("100"), "leads", new BigDecimal("8"));
        assertThat(eval("spend / leads", f)).isEqualByComparingTo("12.5");
        assertThat(eval("spend - leads * 2", f)).isEqualByComparingTo("84");
        assertThat(eval("(spend - leads) * 2", f)).isEqualByComparingTo("184");
        assertThat(eval("-spend + 1", f)).isEqualByComparingTo("-99");
        assertThat(eval("spend / (leads * 0.5)", f)).isEqualByComparingTo("25");
    }

    @Test
    void aZeroDenominatorOrAMissingFigureIsAnEmptyValueNotAnError() {
        assertThat(eval("spend / leads", Map.of("spend", BigDecimal.TEN, "leads", BigDecimal.ZERO))).isNull();
        assertThat(eval("spend + clicks", Map.of("spend", BigDecimal.TEN))).isNull();
    }

    @Test
    void malformedFormulasAreRefusedWithThePositionAndWhatWasExpected() {
        assertThatThrownBy(() -> Formula.parse("spend / ", KNOWN::contains)).isInstanceOf(MetricsException.class)
                .hasMessageContaining("position 9").hasMessageContaining("the end");
        assertThatThrownBy(() -> Formula.parse("(spend", KNOWN::contains)).hasMessageContaining("')'");
        assertThatThrownBy(() -> Formula.parse("spend leads", KNOWN::contains))
                .hasMessageContaining("an operator");
        assertThatThrownBy(() -> Formula.parse("", KNOWN::contains)).hasMessageContaining("empty");
        assertThatThrownBy(() -> Formula.parse("1..2", KNOWN::contains)).hasMessageContaining("a number");
    }

    @Test
    void hostileFormulasNeverReachAnythingButTheNamedMetrics() {
        assertThatThrownBy(() -> Formula.parse("spend; drop table tenant", KNOWN::contains))
                .isInstanceOf(MetricsException.class);
        assertThatThrownBy(() -> Formula.parse("pg_sleep(10)", KNOWN::contains))
                .hasMessageContaining("unknown metric 'pg_sleep'");
        assertThatThrownBy(() -> Formula.parse("spend' or '1'='1", KNOWN::contains))
                .hasMessageContaining("position 6");
        assertThatThrownBy(() -> Formula.parse("spend\u0000", KNOWN::contains)).hasMessageContaining("\\u0000");
        assertThatThrownBy(() -> Formula.parse("(".repeat(30) + "spend" + ")".repeat(30), KNOWN::contains))
                .hasMessageContaining("nests deeper");
        assertThatThrownBy(() -> Formula.parse("spend+".repeat(100) + "spend", KNOWN::contains))
                .hasMessageContaining("at most 500");
    }

    @Test
    void itKnowsTheNamesItUses() {
        assertThat(Formula.parse("spend / (leads + clicks)", KNOWN::contains).names())
                .containsExactlyInAnyOrder("spend", "leads", "clicks");
    }
}
