package dev.fraudscore.trainer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Ranking metrics of fraud scores against 0/1 labels. A row is flagged when its score is at or above
 * the threshold. Equal scores are treated as one block (no arbitrary order inside a tie).
 */
public final class BinaryMetrics {

    private BinaryMetrics() {
    }

    /** One point of the precision-recall curve: flagging every score at or above {@code threshold}. */
    public record PrPoint(float threshold, double recall, double precision) {
    }

    /** The confusion counts when flagging scores at or above {@code threshold}. */
    public record Confusion(float threshold, long truePositives, long falsePositives, long trueNegatives,
            long falseNegatives) {

        public double precision() {
            long flagged = truePositives + falsePositives;
            return flagged == 0 ? 1.0 : (double) truePositives / flagged;
        }

        public double recall() {
            long positives = truePositives + falseNegatives;
            return positives == 0 ? 0.0 : (double) truePositives / positives;
        }

        public double falsePositiveRate() {
            long negatives = falsePositives + trueNegatives;
            return negatives == 0 ? 0.0 : (double) falsePositives / negatives;
        }
    }

    /** Average precision: the sum over thresholds of precision times the recall gained there. */
    public static double averagePrecision(float[] scores, float[] labels) {
        List<PrPoint> curve = prCurve(scores, labels);
        double ap = 0;
        double previousRecall = 0;
        for (PrPoint p : curve) {
            ap += (p.recall() - previousRecall) * p.precision();
            previousRecall = p.recall();
        }
        return ap;
    }

    /** The precision-recall curve, one point per distinct score, from the highest score down. */
    public static List<PrPoint> prCurve(float[] scores, float[] labels) {
        int[] order = descending(scores);
        long positives = countPositives(labels);
        requireBothClasses(positives, scores.length);
        List<PrPoint> curve = new ArrayList<>();
        long tp = 0;
        long fp = 0;
        int i = 0;
        while (i < order.length) {
            float score = scores[order[i]];
            while (i < order.length && scores[order[i]] == score) {
                if (labels[order[i]] > 0.5f) {
                    tp++;
                } else {
                    fp++;
                }
                i++;
            }
            curve.add(new PrPoint(score, (double) tp / positives, (double) tp / (tp + fp)));
        }
        return curve;
    }

    /** Area under the ROC curve: the chance a random fraud row scores above a random genuine one (ties count half). */
    public static double rocAuc(float[] scores, float[] labels) {
        int[] order = descending(scores);
        long positives = countPositives(labels);
        long negatives = scores.length - positives;
        requireBothClasses(positives, scores.length);
        double wins = 0;
        long negativesAbove = 0;
        int i = 0;
        while (i < order.length) {
            float score = scores[order[i]];
            long tiePositives = 0;
            long tieNegatives = 0;
            while (i < order.length && scores[order[i]] == score) {
                if (labels[order[i]] > 0.5f) {
                    tiePositives++;
                } else {
                    tieNegatives++;
                }
                i++;
            }
            wins += tiePositives * (negatives - negativesAbove - tieNegatives) + 0.5 * tiePositives * tieNegatives;
            negativesAbove += tieNegatives;
        }
        return wins / ((double) positives * negatives);
    }

    /**
     * The lowest threshold whose false-positive rate is at most {@code fpr}: just above the score of the
     * genuine row that would be one false positive too many.
     */
    public static float thresholdAtFpr(float[] scores, float[] labels, double fpr) {
        float[] negatives = negativeScoresDescending(scores, labels);
        int allowed = (int) Math.floor(fpr * negatives.length);
        if (allowed >= negatives.length) {
            return 0f;
        }
        return Math.min(1f, Math.nextUp(negatives[allowed]));
    }

    public static Confusion confusion(float[] scores, float[] labels, float threshold) {
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean flagged = scores[i] >= threshold;
            boolean fraud = labels[i] > 0.5f;
            if (flagged && fraud) {
                tp++;
            } else if (flagged) {
                fp++;
            } else if (fraud) {
                fn++;
            } else {
                tn++;
            }
        }
        return new Confusion(threshold, tp, fp, tn, fn);
    }

    public static double recallAtFpr(float[] scores, float[] labels, double fpr) {
        return confusion(scores, labels, thresholdAtFpr(scores, labels, fpr)).recall();
    }

    private static float[] negativeScoresDescending(float[] scores, float[] labels) {
        float[] negatives = new float[scores.length];
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            if (labels[i] <= 0.5f) {
                negatives[n++] = scores[i];
            }
        }
        requireBothClasses(scores.length - n, scores.length);
        float[] sorted = Arrays.copyOf(negatives, n);
        Arrays.sort(sorted);
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            float tmp = sorted[i];
            sorted[i] = sorted[j];
            sorted[j] = tmp;
        }
        return sorted;
    }

    private static int[] descending(float[] scores) {
        return IntStream.range(0, scores.length).boxed()
                .sorted((a, b) -> Float.compare(scores[b], scores[a]))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    private static long countPositives(float[] labels) {
        long n = 0;
        for (float label : labels) {
            n += label > 0.5f ? 1 : 0;
        }
        return n;
    }

    private static void requireBothClasses(long positives, long total) {
        if (positives == 0 || positives == total) {
            throw new IllegalArgumentException("the metrics need both fraud and genuine rows, got "
                    + positives + " fraud rows out of " + total);
        }
    }
}
