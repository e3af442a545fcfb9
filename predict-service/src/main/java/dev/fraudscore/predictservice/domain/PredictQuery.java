package dev.fraudscore.predictservice.domain;

import dev.fraudscore.features.FeatureSetId;
import java.time.Instant;

/**
 * One request to score rows.
 *
 * @param model      {@code null} or empty: the default model
 * @param version    {@code null} or empty: the model's routing decides
 * @param routingKey decides the canary split (the card key); {@code null} or empty: the primary
 * @param deadline   when the answer is no longer wanted ({@link Instant#MAX} for none)
 */
public record PredictQuery(String model, String version, String routingKey, FeatureSetId featureSet, float[][] rows,
        Instant deadline) {

    boolean namesVersion() {
        return version != null && !version.isEmpty();
    }
}
