package dev.fraudscore.trainer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Target-aware steps for each input: the thresholds of a small decision tree grown on that input alone from the
 * training labels (best split first, by the entropy it removes). A network sees {@code x >= t} beside the
 * standardised value ({@link dev.fraudscore.model.ModelManifest.Normalization}), so an edge in the data as sharp as
 * "every payment above 220 EUR is a fraud" costs it one weight instead of a slope it cannot learn in a few epochs.
 */
final class StepThresholds {

    /** Fewer rows than this on either side of a threshold make no step: it would fit a handful of rows. */
    static final int MIN_ROWS = 10;

    private StepThresholds() {
    }

    /** Up to {@code maxSteps} ascending thresholds per input of {@code rows}. */
    static float[][] fit(LabelledRows rows, int maxSteps) {
        int width = rows.rows()[0].length;
        float[][] steps = new float[width][];
        for (int c = 0; c < width; c++) {
            steps[c] = fitInput(rows, c, maxSteps);
        }
        return steps;
    }

    private static float[] fitInput(LabelledRows rows, int c, int maxSteps) {
        int n = rows.size();
        float[] values = new float[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> rows.rows()[i][c]));
        int[] positivesBefore = new int[n + 1];
        for (int i = 0; i < n; i++) {
            values[i] = rows.rows()[order[i]][c];
            positivesBefore[i + 1] = positivesBefore[i] + (rows.labels()[order[i]] > 0.5f ? 1 : 0);
        }
        PriorityQueue<Split> candidates = new PriorityQueue<>(Comparator.comparingDouble(Split::gain).reversed());
        offer(candidates, best(values, positivesBefore, 0, n));
        List<Float> thresholds = new ArrayList<>();
        while (thresholds.size() < maxSteps && !candidates.isEmpty()) {
            Split split = candidates.poll();
            thresholds.add((values[split.at() - 1] + values[split.at()]) / 2);
            offer(candidates, best(values, positivesBefore, split.from(), split.at()));
            offer(candidates, best(values, positivesBefore, split.at(), split.to()));
        }
        float[] out = new float[thresholds.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = thresholds.get(i);
        }
        Arrays.sort(out);
        return out;
    }

    /** Splitting {@code [from, to)} before {@code at} removes {@code gain} bits of label entropy. */
    private record Split(int from, int at, int to, double gain) {
    }

    private static void offer(PriorityQueue<Split> candidates, Split split) {
        if (split != null) {
            candidates.add(split);
        }
    }

    /** The best split of the sorted rows {@code [from, to)} between two distinct values, or null. */
    private static Split best(float[] values, int[] positivesBefore, int from, int to) {
        int positives = positivesBefore[to] - positivesBefore[from];
        if (positives == 0 || positives == to - from) {
            return null;
        }
        double whole = entropy(positives, to - from);
        Split best = null;
        for (int at = from + MIN_ROWS; at <= to - MIN_ROWS; at++) {
            if (values[at - 1] == values[at]) {
                continue;
            }
            int left = positivesBefore[at] - positivesBefore[from];
            double gain = whole - entropy(left, at - from) - entropy(positives - left, to - at);
            if (gain > 1e-9 && (best == null || gain > best.gain())) {
                best = new Split(from, at, to, gain);
            }
        }
        return best;
    }

    /** {@code n} times the binary entropy, in bits, of {@code positives} among {@code n} rows. */
    private static double entropy(int positives, int n) {
        return term(positives, n) + term(n - positives, n);
    }

    private static double term(int k, int n) {
        return k == 0 ? 0 : -k * Math.log((double) k / n) / Math.log(2);
    }
}
