package io.catalyst.plugins.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void plattRecoversTheScalingThatMadeTheData() {
        Random random = new Random(11);
        int n = 20_000;
        double[] logits = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            logits[i] = random.nextGaussian() * 2 - 1;
            y[i] = random.nextDouble() < Calibration.sigmoid(0.5 * logits[i] - 1.0);
        }
        Calibration c = Calibration.fit(logits, y);
        assertThat(c.a()).isCloseTo(0.5, within(0.05));
        assertThat(c.b()).isCloseTo(-1.0, within(0.08));
        assertThat(c.probability(0)).isCloseTo(Calibration.sigmoid(c.b()), within(1e-15));
    }

    @Test
    void identityLeavesTheProbability() {
        assertThat(Calibration.IDENTITY.probability(Math.log(0.25 / 0.75))).isCloseTo(0.25, within(1e-12));
    }
}
