package dev.fraudscore.businessapi.pipeline;

import dev.fraudscore.businessapi.domain.ModelId;
import dev.fraudscore.domain.Thresholds;
import dev.fraudscore.features.FeatureSetId;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Port: the model's score of one vector (predict-service). */
public interface Scorer {

    Duration timeout();

    /**
     * @param routingKey decides the canary split (the card key), so one card always sees one version
     * @return completes with a {@link StepFailure} when no usable score came back
     */
    CompletableFuture<Score> score(FeatureSetId featureSet, float[] row, String routingKey, Duration budget);

    /**
     * @param value      fraud probability in [0, 1]
     * @param model      the version that scored
     * @param thresholds that version's suggested thresholds, {@code null} when it has none
     */
    record Score(float value, ModelId model, Thresholds thresholds) {
    }
}
