package dev.fraudscore.businessapi.store;

import dev.fraudscore.businessapi.domain.FraudScore;
import dev.fraudscore.domain.Decision;
import dev.fraudscore.domain.Label;
import dev.fraudscore.domain.Reason;
import dev.fraudscore.domain.ReasonCode;
import dev.fraudscore.domain.Thresholds;
import java.util.List;

/** Answers of each kind the store must give back exactly: score reasons, rule reasons, degraded reasons. */
final class Answers {

    private Answers() {
    }

    static FraudScore declinedWithRules(String id) {
        List<Reason> reasons = List.of(ReasonCode.forScore(0.91f, new Thresholds(0.5f, 0.85f)),
                new Reason("HIGH_VELOCITY", "The card made 7 payments in the last hour", 0.6),
                new Reason("AMOUNT_SPIKE", "The amount is 5.23 times the card's average payment of the last 24 hours", 0.5));
        return new FraudScore(id, Decision.DECLINE, Label.HIGHLY_SUSPICIOUS, 0.91, reasons, RealisticAnswers.MODEL,
                RealisticAnswers.FEATURE_SET, RealisticAnswers.POLICY, false);
    }

    /**
     * The longest record the default policy gives: a decline with a score of float's full precision and every rule,
     * with numbers far above their thresholds.
     */
    static FraudScore everyRule(String id) {
        float score = 0.91234567f;
        List<Reason> reasons = List.of(ReasonCode.forScore(score, new Thresholds(0.5f, 0.85f)),
                new Reason("HIGH_VELOCITY", "The card made 250 payments in the last hour", 0.6),
                new Reason("HIGH_DAILY_VELOCITY", "The card made 1250 payments in the last 24 hours", 0.4),
                new Reason("AMOUNT_SPIKE", "The amount is 987.65 times the card's average payment of the last 24 hours",
                        0.5),
                new Reason("RAPID_REPEAT", "The card was used again within about a minute of its previous payment", 0.4),
                new Reason("NEW_MERCHANT", "This is the card's first payment at this merchant", 0.2),
                new Reason("CROSS_BORDER", "The card's country differs from the merchant's country", 0.2));
        return new FraudScore(id, Decision.DECLINE, Label.HIGHLY_SUSPICIOUS, Double.parseDouble(Float.toString(score)),
                reasons, RealisticAnswers.MODEL, RealisticAnswers.FEATURE_SET, RealisticAnswers.POLICY, false);
    }

    /** The model timed out: a fail-safe reason and the policy's rules, no score. */
    static FraudScore degraded(String id) {
        List<Reason> reasons = List.of(ReasonCode.MODEL_UNAVAILABLE.failSafe(Decision.REVIEW),
                new Reason("NEW_MERCHANT", "This is the card's first payment at this merchant", 0.2));
        return new FraudScore(id, Decision.REVIEW, Label.UNCERTAIN, null, reasons, RealisticAnswers.MODEL,
                RealisticAnswers.FEATURE_SET, RealisticAnswers.POLICY, true);
    }

    /** postprocess-service down: no policy version, business-api's own fail-safe reason, a score. */
    static FraudScore postprocessDown(String id) {
        return new FraudScore(id, Decision.REVIEW, Label.UNCERTAIN, 0.123456789,
                List.of(ReasonCode.POSTPROCESS_UNAVAILABLE.failSafe(Decision.REVIEW)), RealisticAnswers.MODEL,
                RealisticAnswers.FEATURE_SET, null, true);
    }

    static FraudScore approvedWithoutReasons(String id) {
        return new FraudScore(id, Decision.APPROVE, Label.NOT_FRAUD, 1.0E-5, List.of(), RealisticAnswers.MODEL,
                RealisticAnswers.FEATURE_SET, RealisticAnswers.POLICY, false);
    }
}
