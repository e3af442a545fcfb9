package dev.fraudscore.predictservice.batching;

/** Rows whose first value is their own score under {@link #echo}, so a test can tell whose scores came back. */
final class Rows {

    private Rows() {
    }

    /** One single-value row per value. */
    static float[][] of(float... values) {
        float[][] rows = new float[values.length][];
        for (int r = 0; r < values.length; r++) {
            rows[r] = new float[] {values[r]};
        }
        return rows;
    }

    /** {@code count} rows of zeros. */
    static float[][] count(int count) {
        return new float[count][1];
    }

    /** A scorer that answers each row's first value. */
    static float[] echo(float[][] rows) {
        float[] scores = new float[rows.length];
        for (int r = 0; r < rows.length; r++) {
            scores[r] = rows[r][0];
        }
        return scores;
    }
}
