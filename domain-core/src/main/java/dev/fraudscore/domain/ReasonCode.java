package dev.fraudscore.domain;

/**
 * The reason codes the system writes itself, and their texts: the only place these sentences live. A policy
 * rule may not take one of these codes.
 */
public enum ReasonCode {
    MODEL_SCORE_HIGH("decline"),
    MODEL_SCORE_ELEVATED("review"),
    FEATURES_UNAVAILABLE("The transaction's features could not be computed in time, so the fraud model did not score it"),
    MODEL_UNAVAILABLE("The fraud model could not score the transaction in time"),
    POSTPROCESS_UNAVAILABLE("The decision policy could not be applied in time"),
    SCORE_MISSING("No model score was given for this transaction");

    /** Reasons that replaced a part of the pipeline carry full weight: they, not the model, decided. */
    public static final double FAIL_SAFE_WEIGHT = 1.0;

    private final String text;

    ReasonCode(String text) {
        this.text = text;
    }

    /**
     * The reason for a score in the review or decline band, weighted by the score; none (null) for a score
     * below review.
     */
    public static Reason forScore(float score, Thresholds thresholds) {
        Label label = thresholds.labelFor(score);
        if (label == Label.NOT_FRAUD) {
            return null;
        }
        ReasonCode code = label == Label.HIGHLY_SUSPICIOUS ? MODEL_SCORE_HIGH : MODEL_SCORE_ELEVATED;
        float threshold = label == Label.HIGHLY_SUSPICIOUS ? thresholds.decline() : thresholds.review();
        return new Reason(code.name(), "The model scored this transaction " + ReasonNumbers.probability(score)
                + ", at or above the " + code.text + " threshold " + ReasonNumbers.probability(threshold), score);
    }

    /** The reason for a skipped part, saying which decision was taken instead. */
    public Reason failSafe(Decision failMode) {
        if (this == MODEL_SCORE_HIGH || this == MODEL_SCORE_ELEVATED) {
            throw new IllegalStateException(this + " is a score reason; use forScore");
        }
        return new Reason(name(), text + "; the decision follows the fail mode " + failMode + ".", FAIL_SAFE_WEIGHT);
    }

    public static boolean isReserved(String code) {
        for (ReasonCode reserved : values()) {
            if (reserved.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
