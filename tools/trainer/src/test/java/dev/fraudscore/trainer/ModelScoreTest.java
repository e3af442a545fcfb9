package dev.fraudscore.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fraudscore.simulator.FraudPattern;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ModelScoreTest {

    private static LabelledRows rows(float[] labels) {
        FraudPattern[] patterns = new FraudPattern[labels.length];
        Arrays.fill(patterns, FraudPattern.NONE);
        return new LabelledRows(new float[labels.length][1], labels, new long[labels.length], patterns);
    }

    @Test
    void theThresholdComesFromValidationNotFromTheTest() {
        // validation: 100 genuine rows scored 0.00..0.99, 1 % false positives -> threshold just above 0.98
        float[] validationScores = new float[101];
        float[] validationLabels = new float[101];
        for (int i = 0; i < 100; i++) {
            validationScores[i] = i / 100f;
        }
        validationScores[100] = 1f;
        validationLabels[100] = 1;
        // test: the model drifted, genuine rows now score up to 0.995; chosen on the test, the threshold would move
        float[] testScores = {0.995f, 0.5f, 0.99f, 0.97f};
        float[] testLabels = {0, 0, 1, 1};
        ModelScore s = ModelScore.of(testScores, rows(testLabels), new String[] {"a", "b", "c", "d"},
                validationScores, rows(validationLabels));
        assertThat(s.threshold()).isEqualTo(Math.nextUp(0.98f));
        assertThat(s.recallAt1PctFpr()).isCloseTo(0.5, within(1e-12));
        assertThat(s.testFprAtThreshold()).isCloseTo(0.5, within(1e-12));
    }
}
