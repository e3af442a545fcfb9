package dev.fraudscore.featureservice.store;

import dev.fraudscore.domain.DayBuckets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Key layout of one feature set's card history. Every key of a card carries the card key as a Redis Cluster hash
 * tag; the transaction cache lives in day buckets ({@link TransactionCacheKeys}), tagged by day and bucket.
 *
 * <pre>
 * {prefix}{setId}:{cardKey}:w          window: sorted set of "txId:amountMinor" scored by occurredAt millis
 * {prefix}{setId}:{cardKey}:m          merchants the card paid
 * {prefix}{setId}:t:{day:bucket}       history already returned to each transaction id of the bucket, packed
 * {prefix}{setId}:{cardKey}:t:{txId}   the same, one string a transaction, as the version before wrote it: read
 *                                      until it expires
 * </pre>
 *
 * So one observation touches two slots, the card's and the bucket's: fine on one Redis (or a primary with
 * replicas); Redis Cluster refuses a script whose keys span slots.
 *
 * @param cacheBuckets the transaction cache's buckets a day ({@link DayBuckets#DEFAULT}; tests fill fewer)
 */
public record CardKeys(String prefix, String featureSetId, DayBuckets cacheBuckets) implements StoreKeys {

    public CardKeys {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(featureSetId, "featureSetId");
        Objects.requireNonNull(cacheBuckets, "cacheBuckets");
    }

    public CardKeys(String prefix, String featureSetId) {
        this(prefix, featureSetId, DayBuckets.DEFAULT);
    }

    /**
     * The script's KEYS, in its order: window, merchants, the transaction cache's buckets to look in (today's first,
     * written), and the cache's string key of the version before.
     */
    public List<String> forTransaction(String cardKey, String transactionId, long nowMillis, Duration cacheTtl) {
        List<String> keys = new ArrayList<>(List.of(window(cardKey), merchants(cardKey)));
        keys.addAll(transactionCache().search(transactionId, nowMillis, cacheTtl));
        keys.add(transaction(cardKey, transactionId));
        return keys;
    }

    /** The card's keys (fraud_v1 keeps no merchant state; its transactions' records share buckets). */
    @Override
    public List<String> written(String cardKey, String merchantKey) {
        return List.of(window(cardKey), merchants(cardKey));
    }

    @Override
    public Map<String, List<String>> writtenFields(List<String> transactionIds, Instant from, Instant to) {
        return transactionCache().fields(transactionIds, from, to);
    }

    public String window(String cardKey) {
        return cardPrefix(cardKey) + "w";
    }

    public String merchants(String cardKey) {
        return cardPrefix(cardKey) + "m";
    }

    public TransactionCacheKeys transactionCache() {
        return new TransactionCacheKeys(prefix + featureSetId + ":", cacheBuckets);
    }

    /** Where the version before kept a transaction's history, one string each; read until it expires. */
    public String transaction(String cardKey, String transactionId) {
        return cardPrefix(cardKey) + "t:" + transactionId;
    }

    private String cardPrefix(String cardKey) {
        return prefix + featureSetId + ":{" + cardKey + "}:";
    }
}
