package dev.fraudscore.predictservice.standard;

import dev.fraudscore.domain.DomainException;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.predictservice.domain.Prediction;
import dev.fraudscore.predictservice.domain.PredictQuery;
import dev.fraudscore.predictservice.domain.Predictor;
import dev.fraudscore.predictservice.metrics.ServingMetrics;
import dev.fraudscore.support.concurrent.FutureFailures;
import dev.fraudscore.support.grpc.GrpcStatusMapping;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * How the standard faces (TorchServe's REST API, the Open Inference Protocol over REST and gRPC) score rows:
 * through the same {@link Predictor} as our own gRPC, so routing, batching, deadlines and the request metric
 * are the same. Their clients know nothing of feature-set fingerprints, so a request carries the feature set
 * of the version it will reach, and its values are laid out by that version's inputs.
 */
public final class StandardScoring {

    private final Predictor predictor;
    private final ServingMetrics metrics;
    private final Clock clock;
    private final Duration defaultDeadline;

    /**
     * @param clock           the clock of the batch queues (their deadlines are read on it)
     * @param defaultDeadline how long a request that carries no deadline of its own may wait for its answer
     */
    public StandardScoring(Predictor predictor, ServingMetrics metrics, Clock clock, Duration defaultDeadline) {
        this.predictor = predictor;
        this.metrics = metrics;
        this.clock = clock;
        this.defaultDeadline = defaultDeadline;
    }

    /** The manifest a request for this model and version follows now (see {@link Predictor#schema}). */
    public ModelManifest schema(String model, String version) {
        return predictor.schema(model, version);
    }

    /** When a request that arrives now without a deadline (every HTTP request) is no longer wanted. */
    public Instant defaultDeadline() {
        return clock.instant().plus(defaultDeadline);
    }

    /** The deadline {@code remaining} from now, on the queues' clock. */
    public Instant deadlineIn(Duration remaining) {
        return clock.instant().plus(remaining);
    }

    /**
     * Scores the rows that {@code rows} lays out for the version's manifest.
     *
     * @param version    {@code null} or empty: the model's routing decides
     * @param routingKey decides the canary split; {@code null} or empty: the primary
     * @param rows       the request's values as rows in the manifest's input order; throws a
     *                   {@link DomainException} (INVALID) saying what does not fit
     * @throws DomainException when the request is refused before it is queued (also counted)
     */
    public CompletableFuture<Prediction> score(String model, String version, String routingKey,
            Function<ModelManifest, float[][]> rows, Instant deadline) {
        CompletableFuture<Prediction> prediction;
        try {
            ModelManifest schema = predictor.schema(model, version);
            prediction = predictor.predict(new PredictQuery(model, version, routingKey, schema.featureSet(),
                    rows.apply(schema), deadline));
        } catch (DomainException refused) {
            metrics.request(model, "-", outcome(refused));
            throw refused;
        }
        prediction.whenComplete((answer, failure) -> {
            if (failure == null) {
                metrics.request(model, answer.model().version(), "OK");
            } else if (!prediction.isCancelled()) {
                Throwable cause = FutureFailures.cause(failure);
                metrics.request(model, "-", cause instanceof DomainException refused ? outcome(refused) : "INTERNAL");
            }
        });
        return prediction;
    }

    /** The request metric's outcome: the gRPC code of the refusal, whatever the transport, so one label set serves. */
    private static String outcome(DomainException refused) {
        return GrpcStatusMapping.codeOf(refused.kind()).getCode().name();
    }
}
