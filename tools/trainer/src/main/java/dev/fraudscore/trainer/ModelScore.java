package dev.fraudscore.trainer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one model scores one test period. The threshold comes from the validation period (1 % false positives there);
 * {@code recallAt1PctFpr} is the test recall at that threshold, and {@code testFprAtThreshold} says how far the test
 * period's false-positive rate drifted from the 1 % aimed at.
 */
record ModelScore(double averagePrecision, double rocAuc, double cardPrecisionAt100, double recallAt1PctFpr,
        float threshold, double testFprAtThreshold) {

    static final int CARDS_PER_DAY = 100;
    static final double FPR = 0.01;

    static ModelScore of(float[] testScores, LabelledRows test, String[] testCards, float[] validationScores,
            LabelledRows validation) {
        float threshold = BinaryMetrics.thresholdAtFpr(validationScores, validation.labels(), FPR);
        BinaryMetrics.Confusion atThreshold = BinaryMetrics.confusion(testScores, test.labels(), threshold);
        return new ModelScore(BinaryMetrics.averagePrecision(testScores, test.labels()),
                BinaryMetrics.rocAuc(testScores, test.labels()),
                CardPrecision.atK(testScores, test.labels(), test.millis(), testCards, CARDS_PER_DAY),
                atThreshold.recall(), threshold, atThreshold.falsePositiveRate());
    }

    /** The mean of each metric; the threshold is the last fold's (the one a deployment would use). */
    static ModelScore mean(List<ModelScore> folds) {
        ModelScore last = folds.get(folds.size() - 1);
        return new ModelScore(folds.stream().mapToDouble(ModelScore::averagePrecision).average().orElseThrow(),
                folds.stream().mapToDouble(ModelScore::rocAuc).average().orElseThrow(),
                folds.stream().mapToDouble(ModelScore::cardPrecisionAt100).average().orElseThrow(),
                folds.stream().mapToDouble(ModelScore::recallAt1PctFpr).average().orElseThrow(),
                last.threshold(), folds.stream().mapToDouble(ModelScore::testFprAtThreshold).average().orElseThrow());
    }

    Map<String, Object> metrics() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("average_precision", averagePrecision);
        m.put("roc_auc", rocAuc);
        m.put("card_precision_at_100", cardPrecisionAt100);
        m.put("recall_at_1pct_fpr", recallAt1PctFpr);
        m.put("threshold_at_1pct_validation_fpr", threshold);
        m.put("test_fpr_at_threshold", testFprAtThreshold);
        return m;
    }
}
