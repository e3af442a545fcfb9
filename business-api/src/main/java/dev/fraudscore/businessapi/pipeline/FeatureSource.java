package dev.fraudscore.businessapi.pipeline;

import dev.fraudscore.businessapi.domain.DataTransaction;
import dev.fraudscore.features.FeatureSetId;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Port: the model representation of a transaction (feature-service). Records the transaction once per id. */
public interface FeatureSource {

    /** The step's own timeout; a call gets the smaller of it and what the deadline leaves. */
    Duration timeout();

    /**
     * Starts the call; the answer completes the future, on whichever thread it arrives.
     *
     * @return completes with a {@link StepFailure} when no usable vector came back
     */
    CompletableFuture<Features> features(DataTransaction tx, FeatureSetId wanted, Duration budget);

    /** A vector, its names in order, and the feature set (with fingerprint) that computed it. */
    record Features(FeatureSetId featureSet, List<String> names, float[] values) {

        public Features {
            names = List.copyOf(names);
            values = values.clone();
            if (names.size() != values.length) {
                throw new IllegalArgumentException(names.size() + " names but " + values.length + " values");
            }
        }

        @Override
        public float[] values() {
            return values.clone();
        }

        public Map<String, Float> named() {
            Map<String, Float> named = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                named.put(names.get(i), values[i]);
            }
            return named;
        }
    }
}
