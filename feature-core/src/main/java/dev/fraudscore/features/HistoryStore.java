package dev.fraudscore.features;

/**
 * Keeps per-card aggregates. {@link #observe} reads the card's history as it was before the
 * transaction and records the transaction, atomically, once per transaction id.
 */
public interface HistoryStore {

    /** The history before {@code tx}; {@code replayed} is true when this id was observed already. */
    Observation observe(FeatureTransaction tx);

    record Observation(CardHistory history, boolean replayed) {
    }
}
