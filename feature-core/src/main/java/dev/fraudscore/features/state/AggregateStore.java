package dev.fraudscore.features.state;

import dev.fraudscore.features.FeatureTransaction;

/**
 * Keeps the aggregates of one {@link StateSpec}. {@link #observe} reads the state as it was before the
 * transaction and records the transaction, atomically, once per transaction id; {@link #recordLabel} adds a late
 * label to the tiles that count labels, once per transaction.
 */
public interface AggregateStore {

    Observation observe(FeatureTransaction tx);

    /** @throws IllegalStateException when the spec counts no labels */
    LabelOutcome recordLabel(TransactionLabel label);

    /** @param replayed true when this transaction id was observed already: the state is the first one's */
    record Observation(AggregateState state, boolean replayed) {
    }
}
