package dev.fraudscore.embedded.ports;

import dev.fraudscore.businessapi.domain.ModelId;
import dev.fraudscore.businessapi.pipeline.Scorer;
import dev.fraudscore.features.FeatureSetId;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.predictservice.domain.Prediction;
import dev.fraudscore.predictservice.domain.PredictQuery;
import dev.fraudscore.predictservice.domain.Predictor;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link Scorer} by predict-service's own predictor in this process: the same routing (canary by card), batching
 * and deadlines; the request waits for its batch on its own thread.
 */
public final class InProcessScorer implements Scorer {

    private final Predictor predictor;
    private final Clock batchClock;
    private final Duration timeout;

    public InProcessScorer(Predictor predictor, Clock batchClock, Duration timeout) {
        this.predictor = predictor;
        this.batchClock = batchClock;
        this.timeout = timeout;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public CompletableFuture<Score> score(FeatureSetId featureSet, float[] row, String routingKey, Duration budget) {
        try {
            Prediction prediction = predictor.predict(new PredictQuery(null, null, routingKey, featureSet,
                    new float[][] {row}, batchClock.instant().plus(budget))).get(budget.toNanos(), TimeUnit.NANOSECONDS);
            ModelManifest model = prediction.model();
            return CompletableFuture.completedFuture(new Score(prediction.scores()[0],
                    new ModelId(model.name(), model.version()), model.suggestedThresholds()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw InProcessFailures.of("model", e);
        } catch (Exception e) {
            throw InProcessFailures.of("model", e);
        }
    }
}
