package dev.fraudscore.featureservice.domain;

import dev.fraudscore.features.FeatureSetId;
import dev.fraudscore.features.FeatureTransaction;
import java.util.Objects;

/**
 * One request for features: which set (an empty fingerprint means "whatever this service has for that name
 * and version"), for which transaction, whose amount is in minor units of {@code amountCurrency}.
 */
public record FeatureQuery(FeatureSetId featureSet, FeatureTransaction transaction, String amountCurrency) {

    public FeatureQuery {
        Objects.requireNonNull(featureSet, "featureSet");
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(amountCurrency, "amountCurrency");
    }
}
