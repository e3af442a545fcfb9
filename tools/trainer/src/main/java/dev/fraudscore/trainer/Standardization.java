package dev.fraudscore.trainer;

import dev.fraudscore.model.ModelManifest.Normalization;

/**
 * Per-feature mean and standard deviation of the training rows, as the manifest stores them, and with them the
 * target-aware steps ({@link StepThresholds}) when a run asks for them.
 */
final class Standardization {

    /** Below this a feature is constant; dividing by 1 keeps it at 0 instead of blowing it up. */
    static final double MIN_STD = 1e-6;

    private Standardization() {
    }

    /** {@code plain} (fitted on {@code rows}) plus up to {@code steps} thresholds per input from their labels. */
    static Normalization withSteps(Normalization plain, LabelledRows rows, int steps) {
        return steps == 0 ? plain : new Normalization(plain.mean(), plain.std(), StepThresholds.fit(rows, steps));
    }

    static Normalization fit(float[][] rows) {
        int width = rows[0].length;
        double[] sum = new double[width];
        for (float[] row : rows) {
            for (int c = 0; c < width; c++) {
                sum[c] += row[c];
            }
        }
        float[] mean = new float[width];
        for (int c = 0; c < width; c++) {
            mean[c] = (float) (sum[c] / rows.length);
        }
        double[] squares = new double[width];
        for (float[] row : rows) {
            for (int c = 0; c < width; c++) {
                double d = row[c] - mean[c];
                squares[c] += d * d;
            }
        }
        float[] std = new float[width];
        for (int c = 0; c < width; c++) {
            double s = Math.sqrt(squares[c] / rows.length);
            std[c] = s < MIN_STD ? 1f : (float) s;
        }
        return new Normalization(mean, std);
    }
}
