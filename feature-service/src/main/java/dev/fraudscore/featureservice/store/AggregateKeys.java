package dev.fraudscore.featureservice.store;

import dev.fraudscore.features.FeatureTransaction;
import dev.fraudscore.features.state.Aggregate;
import dev.fraudscore.features.state.Entity;
import dev.fraudscore.features.state.StateLayout;
import dev.fraudscore.features.state.StateSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The keys of a declared state ({@link StateSpec}) in its feature set's own namespace: feature-core's
 * {@link StateLayout} (the layout the batch backfill writes too), plus the script's key order.
 *
 * One request's script touches the card's slot, the merchant's and the label bucket's: fine on one Redis (or a
 * primary with replicas). Redis Cluster refuses a script whose keys span slots; there the merchant state and the
 * label record would need a script of their own on their slot (two calls in parallel, or the card's script with
 * the merchant tag, routing by merchant), see README "Feature sets".
 */
public record AggregateKeys(String prefix, String featureSetId, StateSpec spec) implements StoreKeys {

    public AggregateKeys {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(featureSetId, "featureSetId");
        Objects.requireNonNull(spec, "spec");
    }

    /** The observe script's KEYS: transaction cache, label record, then each aggregate's key in declared order. */
    public List<String> forTransaction(FeatureTransaction tx) {
        List<String> keys = new ArrayList<>(2 + spec.aggregates().size());
        keys.add(transaction(tx.cardKey(), tx.transactionId()));
        keys.add(labelBucket(tx.transactionId(), tx.occurredAtMillis()));
        for (Aggregate a : spec.aggregates()) {
            keys.add(aggregate(a, a.entity().keyOf(tx)));
        }
        return keys;
    }

    public String aggregate(Aggregate aggregate, String entityKey) {
        return layout().aggregate(aggregate, entityKey);
    }

    public String transaction(String cardKey, String transactionId) {
        return layout().transaction(cardKey, transactionId);
    }

    /** The label bucket holding the record of {@code transactionId}, a transaction at {@code millis}. */
    public String labelBucket(String transactionId, long millis) {
        return layout().labelBucket(transactionId, millis);
    }

    /** The label buckets a label of {@code transactionId} reported at {@code reportedMillis} looks in. */
    public List<String> labelBuckets(String transactionId, long reportedMillis) {
        return layout().labelBuckets(transactionId, reportedMillis, spec.labelHorizon());
    }

    private StateLayout layout() {
        return new StateLayout(prefix, featureSetId);
    }

    @Override
    public List<String> written(String cardKey, String merchantKey, List<String> transactionIds) {
        List<String> keys = new ArrayList<>();
        for (Aggregate a : spec.aggregates()) {
            keys.add(aggregate(a, a.entity() == Entity.CARD ? cardKey : merchantKey));
        }
        transactionIds.forEach(tx -> keys.add(transaction(cardKey, tx)));
        return keys;
    }

    @Override
    public Map<String, List<String>> writtenFields(List<String> transactionIds, Instant from, Instant to) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (spec.countsLabels()) {
            for (String tx : transactionIds) {
                // every day of the span: a bucket is found by the transaction's day, not kept per transaction
                for (String bucket : layout().labelBuckets(tx, to.toEpochMilli(), Duration.between(from, to))) {
                    fields.computeIfAbsent(bucket, k -> new ArrayList<>()).add(tx);
                }
            }
        }
        return fields;
    }
}
