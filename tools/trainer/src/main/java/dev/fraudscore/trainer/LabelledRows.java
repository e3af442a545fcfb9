package dev.fraudscore.trainer;

import dev.fraudscore.simulator.FraudPattern;
import java.util.Arrays;

/** Feature rows in time order, with their labels, instants and the pattern that produced each. */
public record LabelledRows(float[][] rows, float[] labels, long[] millis, FraudPattern[] patterns) {

    public int size() {
        return rows.length;
    }

    public int positives() {
        int n = 0;
        for (float label : labels) {
            n += label > 0.5f ? 1 : 0;
        }
        return n;
    }

    /** Rows {@code [from, to)}. */
    public LabelledRows slice(int from, int to) {
        return new LabelledRows(Arrays.copyOfRange(rows, from, to), Arrays.copyOfRange(labels, from, to),
                Arrays.copyOfRange(millis, from, to), Arrays.copyOfRange(patterns, from, to));
    }

    /** The rows at {@code indexes}, in that order. */
    public LabelledRows select(int[] indexes) {
        float[][] r = new float[indexes.length][];
        float[] l = new float[indexes.length];
        long[] m = new long[indexes.length];
        FraudPattern[] p = new FraudPattern[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            r[i] = rows[indexes[i]];
            l[i] = labels[indexes[i]];
            m[i] = millis[indexes[i]];
            p[i] = patterns[indexes[i]];
        }
        return new LabelledRows(r, l, m, p);
    }

    /** The index of the first row at or after {@code cutoffMillis} (rows are in time order). */
    public int firstAtOrAfter(long cutoffMillis) {
        int lo = 0;
        int hi = millis.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (millis[mid] < cutoffMillis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
