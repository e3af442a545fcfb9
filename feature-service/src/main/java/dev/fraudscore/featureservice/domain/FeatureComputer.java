package dev.fraudscore.featureservice.domain;

import dev.fraudscore.features.FeatureSet;
import dev.fraudscore.features.FeatureTransaction;
import dev.fraudscore.features.HistoryStore;
import java.util.Objects;
import java.util.function.Function;

/**
 * Serving path of a feature set: check the set, read and record the card's history once, compute the
 * vector with the same feature-core code the trainer runs.
 */
public final class FeatureComputer {

    private final ServedFeatureSets sets;
    private final Function<FeatureSet, HistoryStore> historyStores;

    /** @param historyStores the history store of each served set */
    public FeatureComputer(ServedFeatureSets sets, Function<FeatureSet, HistoryStore> historyStores) {
        this.sets = Objects.requireNonNull(sets, "sets");
        this.historyStores = Objects.requireNonNull(historyStores, "historyStores");
    }

    public ComputedFeatures compute(FeatureQuery query) {
        // check first: an unknown set, a fingerprint or a currency mismatch must not move any aggregate
        FeatureSet set = sets.resolve(query.featureSet());
        if (!set.amountCurrency().equals(query.amountCurrency())) {
            throw new CurrencyMismatchException(set.id(), set.amountCurrency(), query.amountCurrency());
        }
        FeatureTransaction tx = query.transaction();
        HistoryStore.Observation observation = historyStores.apply(set).observe(tx);
        return new ComputedFeatures(set, set.compute(tx, observation.history()), observation.replayed());
    }
}
