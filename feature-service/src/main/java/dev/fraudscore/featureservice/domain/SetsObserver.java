package dev.fraudscore.featureservice.domain;

import dev.fraudscore.features.FeatureSet;
import dev.fraudscore.features.FeatureStore;
import dev.fraudscore.features.FeatureTransaction;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Observes one transaction in several feature sets at once, each in its own state: the serving store sends the
 * sets' scripts in one Redis round trip. Every set keeps its own once-per-id rule, so a replay moves nothing in any.
 */
@FunctionalInterface
public interface SetsObserver {

    /** @return each set's observation, in the order of {@code sets} */
    List<FeatureStore.Observed> observe(List<FeatureSet> sets, FeatureTransaction tx);

    /**
     * The same without waiting: a store that talks to its storage asynchronously completes the stage from its I/O
     * thread; by default the observation is made here and now.
     *
     * @return each set's observation, in the order of {@code sets}, or the failure {@link #observe} would throw
     */
    default CompletableFuture<List<FeatureStore.Observed>> observeAsync(List<FeatureSet> sets, FeatureTransaction tx) {
        try {
            return CompletableFuture.completedFuture(observe(sets, tx));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** One set after the other, through each set's own store: for stores where a call costs no round trip. */
    static SetsObserver oneByOne(Function<FeatureSet, FeatureStore> stores) {
        return (sets, tx) -> sets.stream().map(set -> stores.apply(set).observe(tx)).toList();
    }
}
