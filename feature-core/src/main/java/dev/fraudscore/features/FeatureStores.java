package dev.fraudscore.features;

import dev.fraudscore.features.state.AggregateStore;
import dev.fraudscore.features.state.InMemoryAggregateStore;
import dev.fraudscore.features.state.LabelOutcome;
import dev.fraudscore.features.state.StateSpec;
import dev.fraudscore.features.state.TransactionLabel;
import dev.fraudscore.features.FeatureStore.Observed;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Gives each feature set the store its kind needs, for any backend: {@code fraud_v1} its fixed card history, every
 * {@link AggregateFeatureSet} a store of its declared state. A backend supplies both kinds of store once.
 */
public final class FeatureStores {

    private FeatureStores() {
    }

    /** The training-time stores. */
    public static FeatureStore inMemory(FeatureSet set) {
        return of(set, InMemoryHistoryStore::new, InMemoryAggregateStore::new);
    }

    public static FeatureStore of(FeatureSet set, Supplier<HistoryStore> histories,
            Function<StateSpec, AggregateStore> aggregates) {
        if (set instanceof AggregateFeatureSet declared) {
            return aggregates(declared, aggregates.apply(declared.state()));
        }
        if (set instanceof FraudV1 fraudV1) {
            return history(fraudV1, histories.get());
        }
        throw new IllegalArgumentException("feature set " + set.id() + " declares no state");
    }

    private static FeatureStore aggregates(AggregateFeatureSet set, AggregateStore store) {
        return new Adapted(tx -> {
            AggregateStore.Observation seen = store.observe(tx);
            return new FeatureStore.Observed(set.compute(tx, seen.state()), seen.replayed());
        }, set.state().countsLabels(), store::recordLabel);
    }

    private static FeatureStore history(FraudV1 set, HistoryStore store) {
        return new Adapted(tx -> {
            HistoryStore.Observation seen = store.observe(tx);
            return new FeatureStore.Observed(set.compute(tx, seen.history()), seen.replayed());
        }, false, label -> {
            throw new IllegalStateException(set.id() + " counts no labels");
        });
    }

    /** A store of either kind, seen as a {@link FeatureStore}. */
    private record Adapted(Function<FeatureTransaction, Observed> observer, boolean countsLabels,
            Function<TransactionLabel, LabelOutcome> labels) implements FeatureStore {

        @Override
        public Observed observe(FeatureTransaction tx) {
            return observer.apply(tx);
        }

        @Override
        public LabelOutcome recordLabel(TransactionLabel label) {
            return labels.apply(label);
        }
    }
}
