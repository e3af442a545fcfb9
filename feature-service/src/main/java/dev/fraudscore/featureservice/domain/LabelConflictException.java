package dev.fraudscore.featureservice.domain;

import dev.fraudscore.domain.DomainException;
import dev.fraudscore.features.state.FraudLabel;

/** A label that contradicts the one the transaction already carries: a label is final, nothing moved. */
public final class LabelConflictException extends DomainException {

    public LabelConflictException(String transactionId, FraudLabel refused) {
        super(Kind.MISMATCH, "transaction " + transactionId + " is already labelled " + other(refused)
                + "; a label is final, so " + refused + " was not recorded");
    }

    private static FraudLabel other(FraudLabel label) {
        return label == FraudLabel.FRAUD ? FraudLabel.GENUINE : FraudLabel.FRAUD;
    }
}
