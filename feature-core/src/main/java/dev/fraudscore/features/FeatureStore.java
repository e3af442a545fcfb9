package dev.fraudscore.features;

import dev.fraudscore.features.state.LabelOutcome;
import dev.fraudscore.features.state.TransactionLabel;

/**
 * One feature set's vectors over the state it keeps: {@link #observe} reads the state as it was before the
 * transaction, records the transaction and computes the vector, once per transaction id.
 */
public interface FeatureStore {

    Observed observe(FeatureTransaction tx);

    /** Whether {@link #recordLabel} means anything for this set. */
    boolean countsLabels();

    /** @throws IllegalStateException when the set counts no labels ({@link #countsLabels}) */
    LabelOutcome recordLabel(TransactionLabel label);

    /** @param replayed true when the id was observed already: the vector is the first one's, nothing moved */
    record Observed(FeatureVector vector, boolean replayed) {
    }
}
