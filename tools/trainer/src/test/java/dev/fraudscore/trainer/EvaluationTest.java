package dev.fraudscore.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.simulator.FraudPattern;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    @Test
    void suggestsAStricterDeclineThanReviewAndRecallPerPattern() {
        int n = 2000;
        float[][] rows = new float[n][1];
        float[] labels = new float[n];
        long[] millis = new long[n];
        FraudPattern[] patterns = new FraudPattern[n];
        float[] scores = new float[n];
        for (int i = 0; i < n; i++) {
            boolean fraud = i % 100 == 0;
            labels[i] = fraud ? 1f : 0f;
            patterns[i] = !fraud ? FraudPattern.NONE : i % 200 == 0 ? FraudPattern.CARD_TESTING : FraudPattern.NIGHT_TIME;
            // card testing ranks on top, night-time fraud scores like genuine rows
            scores[i] = patterns[i] == FraudPattern.CARD_TESTING ? 0.99f : (i % 997) / 1000f;
            millis[i] = i;
        }
        Evaluation e = Evaluation.of(scores, new LabelledRows(rows, labels, millis, patterns));
        assertThat(e.thresholds().decline()).isGreaterThan(e.thresholds().review());
        assertThat(e.atReview().falsePositiveRate()).isLessThanOrEqualTo(0.01);
        assertThat(e.atDecline().falsePositiveRate()).isLessThanOrEqualTo(0.001);
        assertThat(e.positivesByPattern()).containsEntry("card_testing", 10).containsEntry("night_time", 10);
        assertThat(e.recallByPatternAtReview().get("card_testing")).isEqualTo(1.0);
        assertThat(e.recallByPatternAtReview().get("night_time")).isLessThan(0.5);
        assertThat(e.metrics()).containsKeys("pr_auc", "roc_auc", "recall_at_1pct_fpr");
        assertThat(e.metrics().get("eval_fraud_rate")).isEqualTo(0.01);
    }
}
