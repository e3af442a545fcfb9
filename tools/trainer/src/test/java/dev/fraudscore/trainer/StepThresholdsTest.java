package dev.fraudscore.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.simulator.FraudPattern;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StepThresholdsTest {

    /**
     * {@code genuine} payments spread below {@code edge} EUR and {@code fraud} payments above it, one EUR apart,
     * with a second input that carries no signal (the same for every row).
     */
    static LabelledRows amounts(int genuine, int fraud, float edge) {
        int n = genuine + fraud;
        float[][] rows = new float[n][];
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) {
            boolean isFraud = i >= genuine;
            float amount = isFraud ? edge + 1 + (i - genuine) : edge * (i + 1) / (genuine + 1);
            rows[i] = new float[] {amount, 7f};
            labels[i] = isFraud ? 1f : 0f;
        }
        return new LabelledRows(rows, labels, new long[n], new FraudPattern[n]);
    }

    @Test
    void putsTheStepBetweenTheLargestGenuineAmountAndTheSmallestFraud() {
        LabelledRows rows = amounts(500, 30, 220f);
        float[][] steps = StepThresholds.fit(rows, 1);
        float largestGenuine = rows.rows()[499][0];
        assertThat(steps[0]).containsExactly((largestGenuine + 221f) / 2);
        assertThat(steps[1]).as("a constant input has nothing to split").isEmpty();
    }

    @Test
    void leavesAtLeastTheMinimumRowsOnEachSideOfAStep() {
        LabelledRows rows = amounts(500, StepThresholds.MIN_ROWS - 1, 220f);
        for (float t : StepThresholds.fit(rows, 1)[0]) {
            long above = Arrays.stream(rows.rows()).filter(r -> r[0] >= t).count();
            assertThat(above).isBetween((long) StepThresholds.MIN_ROWS, (long) rows.size() - StepThresholds.MIN_ROWS);
        }
    }

    @Test
    void givesAtMostTheStepsAskedForInAscendingOrder() {
        // fraud both among the smallest and above the edge: two edges worth a step
        LabelledRows rows = amounts(500, 30, 220f);
        for (int i = 0; i < 40; i++) {
            rows.labels()[i] = 1f;
        }
        float[] steps = StepThresholds.fit(rows, 3)[0];
        assertThat(steps).hasSizeBetween(2, 3).isSorted();
        assertThat(StepThresholds.fit(rows, 1)[0]).hasSize(1);
    }
}
