package dev.fraudscore.trainer;

import dev.fraudscore.domain.Thresholds;
import dev.fraudscore.simulator.FraudPattern;
import dev.fraudscore.trainer.BinaryMetrics.Confusion;
import dev.fraudscore.trainer.BinaryMetrics.PrPoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a model scores the evaluation slice: ranking metrics, the suggested thresholds (review at 1 %
 * false positives, decline at 0.1 %) with their confusion counts, and the recall per fraud pattern.
 */
public record Evaluation(
        int rows,
        int positives,
        double prAuc,
        double rocAuc,
        double recallAt1PctFpr,
        Thresholds thresholds,
        Confusion atReview,
        Confusion atDecline,
        Map<String, Integer> positivesByPattern,
        Map<String, Double> recallByPatternAtReview,
        List<PrPoint> prCurve) {

    public static final double REVIEW_FPR = 0.01;
    public static final double DECLINE_FPR = 0.001;

    public static Evaluation of(float[] scores, LabelledRows eval) {
        float[] labels = eval.labels();
        float review = BinaryMetrics.thresholdAtFpr(scores, labels, REVIEW_FPR);
        // decline must be stricter than review even when both false-positive budgets hit the same score
        float decline = Math.min(1f, Math.max(BinaryMetrics.thresholdAtFpr(scores, labels, DECLINE_FPR), Math.nextUp(review)));
        Confusion atReview = BinaryMetrics.confusion(scores, labels, review);
        Map<String, Integer> positivesByPattern = new LinkedHashMap<>();
        Map<String, Integer> caughtByPattern = new LinkedHashMap<>();
        for (int i = 0; i < scores.length; i++) {
            FraudPattern p = eval.patterns()[i];
            if (p.isFraud()) {
                positivesByPattern.merge(p.label(), 1, Integer::sum);
                caughtByPattern.merge(p.label(), scores[i] >= review ? 1 : 0, Integer::sum);
            }
        }
        Map<String, Double> recallByPattern = new LinkedHashMap<>();
        positivesByPattern.forEach((p, n) -> recallByPattern.put(p, caughtByPattern.get(p) / (double) n));
        return new Evaluation(scores.length, eval.positives(), BinaryMetrics.averagePrecision(scores, labels),
                BinaryMetrics.rocAuc(scores, labels), atReview.recall(), new Thresholds(review, decline),
                atReview, BinaryMetrics.confusion(scores, labels, decline), positivesByPattern, recallByPattern,
                BinaryMetrics.prCurve(scores, labels));
    }

    /** The metrics the manifest carries. */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("pr_auc", prAuc);
        m.put("roc_auc", rocAuc);
        m.put("recall_at_1pct_fpr", recallAt1PctFpr);
        m.put("precision_at_review", atReview.precision());
        m.put("recall_at_decline", atDecline.recall());
        m.put("precision_at_decline", atDecline.precision());
        m.put("eval_fraud_rate", positives / (double) rows);
        return m;
    }
}
