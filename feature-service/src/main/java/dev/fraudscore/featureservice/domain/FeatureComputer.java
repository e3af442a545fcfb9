package dev.fraudscore.featureservice.domain;

import dev.fraudscore.features.AggregateFeatureSet;
import dev.fraudscore.features.FeatureSet;
import dev.fraudscore.features.FeatureStore;
import dev.fraudscore.features.state.LabelOutcome;
import dev.fraudscore.features.state.TransactionLabel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Serving path of a feature set: check the set, read and record its state once (one Redis round trip), compute
 * the vector with the same feature-core code the trainer runs.
 * <p>
 * A transaction is also recorded in every other served set that counts labels (and shares its currency), in the
 * same round trip, so that a late label finds it whichever model scored it: a label is for the transaction, not
 * for the set that happened to serve it.
 */
public final class FeatureComputer {

    private final ServedFeatureSets sets;
    private final Function<FeatureSet, FeatureStore> stores;
    private final SetsObserver together;
    /** By set id: the sets a transaction asked of it is observed in, itself first. */
    private final Map<String, List<FeatureSet>> observedIn = new LinkedHashMap<>();

    /** Records in the label-counting sets one after the other: for in-memory stores. */
    public FeatureComputer(ServedFeatureSets sets, Function<FeatureSet, FeatureStore> stores) {
        this(sets, stores, SetsObserver.oneByOne(stores), true);
    }

    /**
     * @param stores             the store of each served set
     * @param together           observes a transaction in several sets at once (one round trip in Redis)
     * @param recordInLabelSets  whether a transaction is also recorded in every served set that counts labels
     */
    public FeatureComputer(ServedFeatureSets sets, Function<FeatureSet, FeatureStore> stores, SetsObserver together,
            boolean recordInLabelSets) {
        this.sets = Objects.requireNonNull(sets, "sets");
        this.stores = Objects.requireNonNull(stores, "stores");
        this.together = Objects.requireNonNull(together, "together");
        for (FeatureSet set : sets.all()) {
            List<FeatureSet> all = new ArrayList<>(List.of(set));
            for (FeatureSet other : sets.all()) {
                if (recordInLabelSets && other != set && stores.apply(other).countsLabels()
                        && other.amountCurrency().equals(set.amountCurrency())) {
                    all.add(other);
                }
            }
            observedIn.put(set.id(), List.copyOf(all));
        }
    }

    public ComputedFeatures compute(FeatureQuery query) {
        FeatureSet set = checked(query);
        return computed(set, together.observe(observedIn.get(set.id()), query.transaction()));
    }

    /**
     * {@link #compute} without waiting on the store: the features complete from the store's I/O thread.
     *
     * @throws dev.fraudscore.domain.DomainException at once, before any state moves, for a query it refuses
     */
    public CompletableFuture<ComputedFeatures> computeAsync(FeatureQuery query) {
        FeatureSet set = checked(query);
        return together.observeAsync(observedIn.get(set.id()), query.transaction())
                .thenApply(observed -> computed(set, observed));
    }

    /** The asked set's observation, the first. */
    private static ComputedFeatures computed(FeatureSet set, List<FeatureStore.Observed> observed) {
        return new ComputedFeatures(set, observed.get(0).vector(), observed.get(0).replayed());
    }

    /** The query's set, checked first: an unknown set, a fingerprint or a currency mismatch must not move any aggregate. */
    private FeatureSet checked(FeatureQuery query) {
        FeatureSet set = sets.resolve(query.featureSet());
        if (!set.amountCurrency().equals(query.amountCurrency())) {
            throw new CurrencyMismatchException(set.id(), set.amountCurrency(), query.amountCurrency());
        }
        return set;
    }

    /**
     * Records a late label in every served set that counts labels.
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

    /**
     * Records a late label and says what it did as one answer: a conflict in any set refuses it; else a set that
     * recorded it (or had it already) accepts it; else the transaction is unknown.
     *
     * @return {@link LabelOutcome#RECORDED} when a set counted it now, else {@link LabelOutcome#REPEATED}
     * @throws LabelConflictException when the transaction already carries the other label
     * @throws UnknownTransactionException when no set holds the transaction, or none counts labels
     */
    public LabelOutcome label(TransactionLabel label) {
        Map<String, LabelOutcome> outcomes = recordLabel(label);
        if (outcomes.isEmpty()) {
            throw UnknownTransactionException.noSetCountsLabels(label.transactionId(), sets.ids());
        }
        if (outcomes.containsValue(LabelOutcome.CONFLICT)) {
            throw new LabelConflictException(label.transactionId(), label.label());
        }
        if (outcomes.containsValue(LabelOutcome.RECORDED)) {
            return LabelOutcome.RECORDED;
        }
        if (outcomes.containsValue(LabelOutcome.REPEATED)) {
            return LabelOutcome.REPEATED;
        }
        throw UnknownTransactionException.notScoredWithin(label.transactionId(), labelHorizon());
    }

    private Duration labelHorizon() {
        return sets.all().stream()
                .filter(set -> set instanceof AggregateFeatureSet)
                .map(set -> ((AggregateFeatureSet) set).state().labelHorizon())
                .max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
