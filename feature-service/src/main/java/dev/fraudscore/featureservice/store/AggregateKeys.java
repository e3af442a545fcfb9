package dev.fraudscore.featureservice.store;

import dev.fraudscore.domain.DayBuckets;
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
 * {@link StateLayout} (the layout the batch backfill writes too), the transaction cache's day buckets
 * ({@link TransactionCacheKeys}), and the script's key order.
 *
 * One request's script touches the card's slot, the merchant's, the label bucket's and the transaction cache
 * bucket's: fine on one Redis (or a primary with replicas). Redis Cluster refuses a script whose keys span slots;
 * there the merchant state and the two buckets would need a script of their own on their slot (calls in parallel,
 * or the card's script with the merchant tag, routing by merchant), see README "Feature sets".
 *
 * @param cacheBuckets the transaction cache's buckets a day ({@link DayBuckets#DEFAULT}; tests fill fewer)
 */
public record AggregateKeys(String prefix, String featureSetId, StateSpec spec, DayBuckets cacheBuckets)
        implements StoreKeys {

    public AggregateKeys {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(featureSetId, "featureSetId");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(cacheBuckets, "cacheBuckets");
    }

    public AggregateKeys(String prefix, String featureSetId, StateSpec spec) {
        this(prefix, featureSetId, spec, DayBuckets.DEFAULT);
    }

    /**
     * The observe script's KEYS: label record, each aggregate's key in declared order, the transaction cache's
     * buckets to look in (today's first, written) and the cache's string key of the version before.
     */
    public List<String> forTransaction(FeatureTransaction tx, long nowMillis, Duration cacheTtl) {
        List<String> keys = new ArrayList<>(4 + spec.aggregates().size());
        keys.add(labelBucket(tx.transactionId(), tx.occurredAtMillis()));
        for (Aggregate a : spec.aggregates()) {
            keys.add(aggregate(a, a.entity().keyOf(tx)));
        }
        keys.addAll(transactionCache().search(tx.transactionId(), nowMillis, cacheTtl));
        keys.add(transaction(tx.cardKey(), tx.transactionId()));
        return keys;
    }

    public String aggregate(Aggregate aggregate, String entityKey) {
        return layout().aggregate(aggregate, entityKey);
    }

    public TransactionCacheKeys transactionCache() {
        return new TransactionCacheKeys(layout().namespace(), cacheBuckets);
    }

    /**
     * The transaction cache's string key: one a transaction, as the version before wrote it and the batch backfill
     * still does; read, never written.
     */
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

    /** The card's and the merchant's keys (the transactions' records share buckets). */
    @Override
    public List<String> written(String cardKey, String merchantKey) {
        List<String> keys = new ArrayList<>();
        for (Aggregate a : spec.aggregates()) {
            keys.add(aggregate(a, a.entity() == Entity.CARD ? cardKey : merchantKey));
        }
        return keys;
    }

    @Override
    public Map<String, List<String>> writtenFields(List<String> transactionIds, Instant from, Instant to) {
        Map<String, List<String>> fields = new LinkedHashMap<>(transactionCache().fields(transactionIds, from, to));
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
