package io.catalyst.plugins.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class EvaluationTest {

    @Test
    void aucCountsTiesAsHalf() {
        // pairs (pos, neg): 0.9>0.5, 0.9>0.3, 0.5=0.5 (half), 0.5>0.3 -> 3.5 of 4
        Evaluation e = Evaluation.of(new double[] {0.9, 0.5, 0.5, 0.3}, new boolean[] {true, true, false, false});
        assertThat(e.auc()).isCloseTo(3.5 / 4, within(1e-12));
        assertThat(e.rows()).isEqualTo(4);
        assertThat(e.positives()).isEqualTo(2);
        assertThat(e.brier()).isCloseTo((0.01 + 0.25 + 0.25 + 0.09) / 4, within(1e-12));
    }

    @Test
    void aucOfAPerfectAndAReversedRanking() {
        boolean[] y = {true, false, true, false};
        assertThat(Evaluation.of(new double[] {0.8, 0.2, 0.7, 0.1}, y).auc()).isEqualTo(1.0);
        assertThat(Evaluation.of(new double[] {0.1, 0.7, 0.2, 0.8}, y).auc()).isEqualTo(0.0);
        assertThat(Evaluation.of(new double[] {0.5, 0.5}, new boolean[] {true, true}).auc()).isNaN();
    }

    @Test
    void averagePrecisionSteps() {
        // ranked: pos (P=1), neg, pos (P=2/3) -> (1 + 2/3) / 2
        Evaluation e = Evaluation.of(new double[] {0.9, 0.8, 0.7, 0.1}, new boolean[] {true, false, true, false});
        assertThat(e.averagePrecision()).isCloseTo((1 + 2.0 / 3) / 2, within(1e-12));
        // all tied: precision is the base rate
        Evaluation tied = Evaluation.of(new double[] {0.5, 0.5, 0.5, 0.5}, new boolean[] {true, false, false, false});
        assertThat(tied.averagePrecision()).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void calibrationBinsAndLift() {
        Random random = new Random(3);
        int n = 1000;
        double[] p = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            p[i] = i < 100 ? 0.95 : 0.05;
            y[i] = i < 100 ? i < 90 : random.nextDouble() < 0.05;
        }
        Evaluation e = Evaluation.of(p, y);
        assertThat(e.calibration()).hasSize(10);
        assertThat(e.calibration().get(9).count()).isEqualTo(100);
        assertThat(e.calibration().get(9).meanPredicted()).isCloseTo(0.95, within(1e-12));
        assertThat(e.calibration().get(9).observedRate()).isCloseTo(0.9, within(1e-12));
        assertThat(e.calibration().get(0).count()).isEqualTo(900);
        assertThat(e.calibration().get(5).count()).isZero();
        assertThat(e.lift()).hasSize(10);
        assertThat(e.lift().get(0)).isCloseTo(0.9 / e.baseRate(), within(1e-12));
        assertThat(e.lift().get(0)).isGreaterThan(e.lift().get(9));
        assertThat(e.baseRateBrier()).isCloseTo(e.baseRate() * (1 - e.baseRate()), within(1e-12));
    }
}
