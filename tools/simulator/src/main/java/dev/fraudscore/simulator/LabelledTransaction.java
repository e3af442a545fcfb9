package dev.fraudscore.simulator;

import dev.fraudscore.features.FeatureTransaction;

/**
 * One simulated transaction: the data-domain transaction the feature code sees, plus what only the
 * simulator knows (the truth label and the pattern that produced it) and where it happened.
 */
public record LabelledTransaction(
        FeatureTransaction transaction,
        String customerId,
        FraudPattern pattern,
        double lat,
        double lon) {

    public boolean fraud() {
        return pattern.isFraud();
    }

    /** 1 for fraud, 0 for a genuine payment. */
    public int label() {
        return fraud() ? 1 : 0;
    }
}
