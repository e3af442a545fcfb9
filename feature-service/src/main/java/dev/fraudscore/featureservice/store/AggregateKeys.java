package dev.fraudscore.featureservice.store;

import dev.fraudscore.features.FeatureTransaction;
import dev.fraudscore.features.state.Aggregate;
import dev.fraudscore.features.state.Entity;
import dev.fraudscore.features.state.StateSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Key layout of a declared state ({@link StateSpec}), in its feature set's own namespace. Each key carries its
 * entity as the Redis Cluster hash tag:
 *
 * <pre>
 * {prefix}{setId}:{cardKey}:{aggregate}        a card's aggregate (sorted set, string or hash by kind)
 * {prefix}{setId}:m:{merchantKey}:{aggregate}  a merchant's aggregate, shared by every card paying there
 * {prefix}{setId}:{cardKey}:t:{txId}           the state already returned to that transaction id
 * {prefix}{setId}:l:{txId}                     the transaction's label record (instant, card, merchant, label)
 * </pre>
 *
 * One request's script touches the card's slot, the merchant's and the label record's: fine on one Redis (or a
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
        keys.add(label(tx.transactionId()));
        for (Aggregate a : spec.aggregates()) {
            keys.add(aggregate(a, a.entity().keyOf(tx)));
        }
        return keys;
    }

    public String aggregate(Aggregate aggregate, String entityKey) {
        String entity = aggregate.entity() == Entity.CARD ? "{" + entityKey + "}" : "m:{" + entityKey + "}";
        return prefix + featureSetId + ":" + entity + ":" + aggregate.name();
    }

    public String transaction(String cardKey, String transactionId) {
        return prefix + featureSetId + ":{" + cardKey + "}:t:" + transactionId;
    }

    public String label(String transactionId) {
        return prefix + featureSetId + ":l:{" + transactionId + "}";
    }

    @Override
    public List<String> written(String cardKey, String merchantKey, List<String> transactionIds) {
        List<String> keys = new ArrayList<>();
        for (Aggregate a : spec.aggregates()) {
            keys.add(aggregate(a, a.entity() == Entity.CARD ? cardKey : merchantKey));
        }
        transactionIds.forEach(tx -> {
            keys.add(transaction(cardKey, tx));
            keys.add(label(tx));
        });
        return keys;
    }
}
