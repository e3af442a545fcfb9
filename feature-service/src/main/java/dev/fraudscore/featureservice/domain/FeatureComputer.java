package dev.fraudscore.featureservice.domain;

import dev.fraudscore.features.FeatureSet;
import dev.fraudscore.features.FeatureTransaction;
import dev.fraudscore.features.FeatureStore;
import dev.fraudscore.features.state.LabelOutcome;
import dev.fraudscore.features.state.TransactionLabel;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /**
     * Records a late label in every served set that counts labels (the entry point of the feedback path to come).
     *
     * @return what it did in each of those sets, by set id; empty when no served set counts labels
     */
    public Map<String, LabelOutcome> recordLabel(TransactionLabel label) {
        Map<String, LabelOutcome> outcomes = new LinkedHashMap<>();
        for (FeatureSet set : sets.all()) {
            FeatureStore store = stores.apply(set);
            if (store.countsLabels()) {
                outcomes.put(set.id(), store.recordLabel(label));
            }
        }
        return outcomes;
    }
}
