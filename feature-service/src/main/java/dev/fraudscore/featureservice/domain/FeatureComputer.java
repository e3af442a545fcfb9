package dev.fraudscore.featureservice.domain;

import dev.fraudscore.features.FeatureSet;
import dev.fraudscore.features.FeatureTransaction;
import dev.fraudscore.features.FeatureStore;
import java.util.Objects;
import java.util.function.Function;

/**
 * Serving path of a feature set: check the set, read and record its state once (one Redis round trip), compute
 * the vector with the same feature-core code the trainer runs.
 */
public final class FeatureComputer {

    private final ServedFeatureSets sets;
    private final Function<FeatureSet, FeatureStore> stores;

    /** @param stores the store of each served set */
    public FeatureComputer(ServedFeatureSets sets, Function<FeatureSet, FeatureStore> stores) {
        this.sets = Objects.requireNonNull(sets, "sets");
        this.stores = Objects.requireNonNull(stores, "stores");
    }

    public ComputedFeatures compute(FeatureQuery query) {
        // check first: an unknown set, a fingerprint or a currency mismatch must not move any aggregate
        FeatureSet set = sets.resolve(query.featureSet());
        if (!set.amountCurrency().equals(query.amountCurrency())) {
            throw new CurrencyMismatchException(set.id(), set.amountCurrency(), query.amountCurrency());
        }
        FeatureTransaction tx = query.transaction();
        FeatureStore.Observed observed = stores.apply(set).observe(tx);
        return new ComputedFeatures(set, observed.vector(), observed.replayed());
    }
}
