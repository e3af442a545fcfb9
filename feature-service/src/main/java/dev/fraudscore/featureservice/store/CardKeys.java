package dev.fraudscore.featureservice.store;

import java.util.List;
import java.util.Objects;

/**
 * Key layout of one feature set's card history. Every key of a card carries the card key as a Redis
 * Cluster hash tag, so the script that touches them all runs on one node.
 *
 * <pre>
 * {prefix}{setId}:{cardKey}:w          window: sorted set of "txId:amountMinor" scored by occurredAt millis
 * {prefix}{setId}:{cardKey}:m          merchants the card paid
 * {prefix}{setId}:{cardKey}:t:{txId}   history already returned to that transaction id, packed
 * {prefix}{setId}:{cardKey}:tx:{txId}  the same in the text format before: read until it expires
 * </pre>
 */
public record CardKeys(String prefix, String featureSetId) implements StoreKeys {

    public CardKeys {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(featureSetId, "featureSetId");
    }

    /** The script's KEYS, in its order: window, merchants, transaction cache, and its format before. */
    public List<String> forTransaction(String cardKey, String transactionId) {
        return List.of(window(cardKey), merchants(cardKey), transaction(cardKey, transactionId),
                textTransaction(cardKey, transactionId));
    }

    /** Every key the transactions wrote (fraud_v1 keeps no merchant state). */
    @Override
    public List<String> written(String cardKey, String merchantKey, List<String> transactionIds) {
        List<String> keys = new java.util.ArrayList<>(List.of(window(cardKey), merchants(cardKey)));
        transactionIds.forEach(tx -> keys.add(transaction(cardKey, tx)));
        return keys;
    }

    public String window(String cardKey) {
        return cardPrefix(cardKey) + "w";
    }

    public String merchants(String cardKey) {
        return cardPrefix(cardKey) + "m";
    }

    public String transaction(String cardKey, String transactionId) {
        return cardPrefix(cardKey) + "t:" + transactionId;
    }

    /** Where the format before kept a transaction's history as text; new instances only read it. */
    public String textTransaction(String cardKey, String transactionId) {
        return cardPrefix(cardKey) + "tx:" + transactionId;
    }

    private String cardPrefix(String cardKey) {
        return prefix + featureSetId + ":{" + cardKey + "}:";
    }
}
