package dev.fraudscore.predictservice.model;

import dev.fraudscore.predictservice.batching.BatchListener;
import dev.fraudscore.predictservice.domain.ModelRegistry;

/** What the model manager tells the rest of the service (metrics, readiness) as versions come and go. */
public interface ModelEvents {

    ModelEvents NONE = new ModelEvents() {
    };

    /** The listener of a new version's batch queue. */
    default BatchListener batches(String model, String version) {
        return BatchListener.NONE;
    }

    /** A version was refused. */
    default void loadFailed(String model, String version) {
    }

    /** A routing file was refused. */
    default void routingRefused(String model) {
    }

    /** After every change of the registry. */
    default void changed(ModelRegistry registry) {
    }
}
