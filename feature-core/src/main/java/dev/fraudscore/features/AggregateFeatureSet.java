package dev.fraudscore.features;

import dev.fraudscore.features.state.AggregateState;
import dev.fraudscore.features.state.StateSpec;

/**
 * A feature set that declares its state ({@link StateSpec}) and computes from it. This is all a new set is: the
 * Redis store of feature-service and the trainer's in-memory store interpret the declaration, so adding one means
 * this definition, its entry in {@link FeatureSets} and its parity test.
 */
public interface AggregateFeatureSet extends FeatureSet {

    StateSpec state();

    /** The vector of {@code tx} from the state its entities had before it. */
    FeatureVector compute(FeatureTransaction tx, AggregateState before);

    /** The state's declaration is part of the definition: a longer window or another delay is another set. */
    @Override
    default String fingerprint() {
        return FeatureSet.fingerprint(this, "state:\n" + state().describe() + "\n");
    }
}
