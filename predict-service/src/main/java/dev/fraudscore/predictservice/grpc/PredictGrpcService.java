package dev.fraudscore.predictservice.grpc;

import dev.fraudscore.contracts.predict.v1.GetModelMetadataRequest;
import dev.fraudscore.contracts.predict.v1.GetModelMetadataResponse;
import dev.fraudscore.contracts.predict.v1.PredictRequest;
import dev.fraudscore.contracts.predict.v1.PredictResponse;
import dev.fraudscore.contracts.predict.v1.PredictServiceGrpc;
import dev.fraudscore.domain.DomainException;
import dev.fraudscore.predictservice.domain.ModelRegistry;
import dev.fraudscore.predictservice.domain.Prediction;
import dev.fraudscore.predictservice.domain.Predictor;
import dev.fraudscore.predictservice.domain.ServedModel;
import dev.fraudscore.predictservice.metrics.ServingMetrics;
import dev.fraudscore.support.grpc.GrpcStatusMapping;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.grpc.server.service.GrpcService;

/**
 * The fraudscore.predict.v1.PredictService endpoint. Predict does not hold a thread while the request waits
 * for its batch: the answer is sent when the version's forward pass completes. The call's deadline goes
 * with the request (a request still queued when it passes is dropped, not computed), and a cancelled call
 * takes its rows out of the queue.
 */
@GrpcService
public class PredictGrpcService extends PredictServiceGrpc.PredictServiceImplBase {

    private final Predictor predictor;
    private final ModelRegistry registry;
    private final ServingMetrics metrics;
    private final GrpcStatusMapping statuses;
    private final Clock clock;

    public PredictGrpcService(Predictor predictor, ModelRegistry registry, ServingMetrics metrics,
            GrpcStatusMapping statuses, @Qualifier("batchClock") Clock batchClock) {
        this.predictor = predictor;
        this.registry = registry;
        this.metrics = metrics;
        this.statuses = statuses;
        this.clock = batchClock;
    }

    @Override
    public void predict(PredictRequest request, StreamObserver<PredictResponse> responses) {
        String model = request.getModelName().isEmpty() ? registry.defaultModel() : request.getModelName();
        CompletableFuture<Prediction> prediction;
        try {
            prediction = predictor.predict(PredictProtos.query(request, deadline()));
        } catch (DomainException refused) {
            metrics.request(model, "-", GrpcStatusMapping.codeOf(refused.kind()).getCode().name());
            throw refused;
        }
        if (responses instanceof ServerCallStreamObserver<PredictResponse> call) {
            call.setOnCancelHandler(() -> prediction.cancel(false));
        }
        prediction.whenComplete((answer, failure) -> {
            if (failure == null) {
                metrics.request(model, answer.model().version(), "OK");
                responses.onNext(PredictProtos.response(answer));
                responses.onCompleted();
            } else if (!prediction.isCancelled()) {
                var status = statuses.handleException(failure);
                metrics.request(model, "-", status.getStatus().getCode().name());
                responses.onError(status);
            }
        });
    }

    @Override
    public void getModelMetadata(GetModelMetadataRequest request, StreamObserver<GetModelMetadataResponse> responses) {
        String name = request.getModelName().isEmpty() ? registry.defaultModel() : request.getModelName();
        ServedModel model = registry.model(name).orElseThrow(() -> registry.absent(name));
        responses.onNext(PredictProtos.metadata(model, registry.servedModels()));
        responses.onCompleted();
    }

    private Instant deadline() {
        Deadline deadline = Context.current().getDeadline();
        return deadline == null ? Instant.MAX : clock.instant().plusNanos(deadline.timeRemaining(TimeUnit.NANOSECONDS));
    }
}
