package dev.fraudscore.featureservice.domain;

import dev.fraudscore.features.FeatureTransaction;
import java.util.Objects;

/** One request for features: which set, for which transaction. */
public record FeatureQuery(FeatureSetRequest featureSet, FeatureTransaction transaction) {

    public FeatureQuery {
        Objects.requireNonNull(featureSet, "featureSet");
        Objects.requireNonNull(transaction, "transaction");
    }
}
