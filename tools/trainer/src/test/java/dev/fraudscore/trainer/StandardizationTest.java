package dev.fraudscore.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.model.ModelManifest.Normalization;
import org.junit.jupiter.api.Test;

class StandardizationTest {

    @Test
    void fitsMeanAndStdAndKeepsConstantFeaturesAtZero() {
        float[][] rows = {{1f, 5f}, {3f, 5f}};
        Normalization n = Standardization.fit(rows);
        assertThat(n.mean()).containsExactly(2f, 5f);
        assertThat(n.std()).containsExactly(1f, 1f);
        assertThat(n.apply(rows, null, 0, 2)).containsExactly(-1f, 0f, 1f, 0f);
    }

    @Test
    void appliesInTheGivenRowOrder() {
        float[][] rows = {{0f}, {10f}, {20f}};
        Normalization n = new Normalization(new float[] {10f}, new float[] {10f});
        assertThat(n.apply(rows, new int[] {2, 0, 1}, 0, 2)).containsExactly(1f, -1f);
    }

    @Test
    void stepsFollowEachStandardisedValue() {
        float[][] rows = {{0f, 1f}, {20f, 3f}};
        Normalization n = new Normalization(new float[] {10f, 2f}, new float[] {10f, 1f},
                new float[][] {{5f, 15f}, {}});
        assertThat(n.width()).isEqualTo(4);
        assertThat(n.apply(rows, null, 0, 2)).containsExactly(-1f, 0f, 0f, -1f, 1f, 1f, 1f, 1f);
    }

    @Test
    void fitsStepsFromTheLabelsOnlyWhenAsked() {
        LabelledRows rows = StepThresholdsTest.amounts(100, 40, 220f);
        Normalization plain = Standardization.fit(rows.rows());
        assertThat(Standardization.withSteps(plain, rows, 0).steps()).isNull();
        assertThat(Standardization.withSteps(plain, rows, 1).steps()[0]).hasSize(1);
    }
}
