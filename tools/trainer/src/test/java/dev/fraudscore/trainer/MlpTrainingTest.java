package dev.fraudscore.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.simulator.FraudPattern;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MlpTrainingTest {

    @Test
    void oversamplesFraudRowsToTheWantedShare() {
        LabelledRows rows = rows(10, 3);
        int[] epoch = MlpTraining.oversampled(rows, 0.5);
        assertThat(epoch).hasSize(18);
        assertThat(Arrays.stream(epoch).filter(i -> i == 3).count()).isEqualTo(9);
        assertThat(Arrays.stream(epoch).distinct().count()).isEqualTo(10);
    }

    @Test
    void keepsTheNaturalMixWhenAskedOrWhenFraudIsAlreadyCommon() {
        assertThat(MlpTraining.oversampled(rows(10, 3), 0.0)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(MlpTraining.oversampled(rows(2, 0), 0.1)).containsExactly(0, 1);
    }

    private static LabelledRows rows(int n, int fraudIndex) {
        float[] labels = new float[n];
        FraudPattern[] patterns = new FraudPattern[n];
        Arrays.fill(patterns, FraudPattern.NONE);
        labels[fraudIndex] = 1f;
        patterns[fraudIndex] = FraudPattern.NIGHT_TIME;
        return new LabelledRows(new float[n][1], labels, new long[n], patterns);
    }
}
