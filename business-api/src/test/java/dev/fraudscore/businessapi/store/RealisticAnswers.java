package dev.fraudscore.businessapi.store;

import dev.fraudscore.businessapi.domain.FraudScore;
import dev.fraudscore.businessapi.domain.ModelId;
import dev.fraudscore.domain.Decision;
import dev.fraudscore.domain.Label;
import dev.fraudscore.domain.Reason;
import dev.fraudscore.domain.ReasonCode;
import dev.fraudscore.domain.ReasonNumbers;
import dev.fraudscore.domain.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Answers as the default policy gives them, in roughly production's mix: mostly approvals, a few reviews and
 * declines with their score reason, explanatory rules on a share of them, and now and then a degraded answer.
 * The rule texts are those of {@code default-policy.yaml}, rendered as postprocess-service renders them.
 */
final class RealisticAnswers {

    static final ModelId MODEL = new ModelId("fraud-mlp", "1");
    static final String FEATURE_SET = "fraud_v1";
    static final String POLICY = "2026-12-02.1";
    private static final Thresholds THRESHOLDS = new Thresholds(0.5f, 0.85f);

    private final Random random;

    RealisticAnswers(Random random) {
        this.random = random;
    }

    FraudScore next(String transactionId) {
        if (random.nextInt(100) == 0) {
            return degraded(transactionId);
        }
        // skewed towards 0: about 8 % reach review, 2 % decline
        float score = (float) Math.pow(random.nextDouble(), 8);
        Label label = THRESHOLDS.labelFor(score);
        List<Reason> reasons = new ArrayList<>();
        Reason scoreReason = ReasonCode.forScore(score, THRESHOLDS);
        if (scoreReason != null) {
            reasons.add(scoreReason);
        }
        rule(reasons, 3, "HIGH_VELOCITY", "The card made %s payments in the last hour", 5 + random.nextInt(8), 0.6f);
        rule(reasons, 2, "HIGH_DAILY_VELOCITY", "The card made %s payments in the last 24 hours", 15 + random.nextInt(20), 0.4f);
        rule(reasons, 3, "AMOUNT_SPIKE", "The amount is %s times the card's average payment of the last 24 hours",
                5 + random.nextFloat() * 25, 0.5f);
        rule(reasons, 5, "RAPID_REPEAT", "The card was used again within about a minute of its previous payment", 0, 0.4f);
        rule(reasons, 40, "NEW_MERCHANT", "This is the card's first payment at this merchant", 0, 0.2f);
        rule(reasons, 15, "CROSS_BORDER", "The card's country differs from the merchant's country", 0, 0.2f);
        return new FraudScore(transactionId, Decision.forLabel(label), label, Double.parseDouble(Float.toString(score)),
                reasons, MODEL, FEATURE_SET, POLICY, false);
    }

    /** Features timed out: no score, the fail mode decides; such answers are claimed but never stored. */
    private FraudScore degraded(String transactionId) {
        List<Reason> reasons = List.of(ReasonCode.FEATURES_UNAVAILABLE.failSafe(Decision.REVIEW));
        return new FraudScore(transactionId, Decision.REVIEW, Label.UNCERTAIN, null, reasons, MODEL, FEATURE_SET, POLICY,
                true);
    }

    private void rule(List<Reason> reasons, int percent, String code, String template, float value, float weight) {
        if (random.nextInt(100) < percent) {
            reasons.add(new Reason(code, template.replace("%s", ReasonNumbers.plain(value)), weight));
        }
    }
}
