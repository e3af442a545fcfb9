package dev.fraudscore.predictservice.grpc;

import dev.fraudscore.contracts.inference.v2.GRPCInferenceServiceGrpc;
import dev.fraudscore.contracts.inference.v2.ModelInferRequest;
import dev.fraudscore.contracts.inference.v2.ModelInferResponse;
import dev.fraudscore.contracts.inference.v2.ModelMetadataRequest;
import dev.fraudscore.contracts.inference.v2.ModelMetadataResponse;
import dev.fraudscore.contracts.inference.v2.ModelReadyRequest;
import dev.fraudscore.contracts.inference.v2.ModelReadyResponse;
import dev.fraudscore.contracts.inference.v2.ServerLiveRequest;
import dev.fraudscore.contracts.inference.v2.ServerLiveResponse;
import dev.fraudscore.contracts.inference.v2.ServerMetadataRequest;
import dev.fraudscore.contracts.inference.v2.ServerMetadataResponse;
import dev.fraudscore.contracts.inference.v2.ServerReadyRequest;
import dev.fraudscore.contracts.inference.v2.ServerReadyResponse;
import dev.fraudscore.predictservice.standard.OipServer;
import dev.fraudscore.predictservice.standard.OipServer.InferResult;
import dev.fraudscore.predictservice.standard.StandardScoring;
import dev.fraudscore.support.grpc.GrpcStatusMapping;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.grpc.server.service.GrpcService;

/**
 * The Open Inference Protocol's {@code inference.GRPCInferenceService}, on the same gRPC port as our own services.
 * ModelInfer goes through the same predictor as Predict, keeps the call's deadline, does not hold a thread while the
 * request waits for its batch, and takes its rows out of the queue when the call is cancelled.
 */
@GrpcService
public class OipGrpcService extends GRPCInferenceServiceGrpc.GRPCInferenceServiceImplBase {

    private final OipServer server;
    private final StandardScoring scoring;
    private final GrpcStatusMapping statuses;

    public OipGrpcService(OipServer server, StandardScoring scoring, GrpcStatusMapping statuses) {
        this.server = server;
        this.scoring = scoring;
        this.statuses = statuses;
    }

    @Override
    public void serverLive(ServerLiveRequest request, StreamObserver<ServerLiveResponse> responses) {
        answer(ServerLiveResponse.newBuilder().setLive(true).build(), responses);
    }

    @Override
    public void serverReady(ServerReadyRequest request, StreamObserver<ServerReadyResponse> responses) {
        answer(ServerReadyResponse.newBuilder().setReady(server.whyServerNotReady().isEmpty()).build(), responses);
    }

    @Override
    public void modelReady(ModelReadyRequest request, StreamObserver<ModelReadyResponse> responses) {
        boolean ready = server.whyModelNotReady(request.getName(), request.getVersion()).isEmpty();
        answer(ModelReadyResponse.newBuilder().setReady(ready).build(), responses);
    }

    @Override
    public void serverMetadata(ServerMetadataRequest request, StreamObserver<ServerMetadataResponse> responses) {
        answer(OipProtos.serverMetadata(server.serverMetadata()), responses);
    }

    @Override
    public void modelMetadata(ModelMetadataRequest request, StreamObserver<ModelMetadataResponse> responses) {
        answer(OipProtos.metadata(server.metadata(request.getName(), request.getVersion())), responses);
    }

    @Override
    public void modelInfer(ModelInferRequest request, StreamObserver<ModelInferResponse> responses) {
        boolean raw = request.getRawInputContentsCount() > 0;
        CompletableFuture<InferResult> result = server.infer(OipProtos.call(request), deadline());
        if (responses instanceof ServerCallStreamObserver<ModelInferResponse> call) {
            call.setOnCancelHandler(() -> result.cancel(false));
        }
        result.whenComplete((answer, failure) -> {
            if (failure == null) {
                answer(OipProtos.response(answer, raw), responses);
            } else if (!result.isCancelled()) {
                responses.onError(statuses.handleException(failure));
            }
        });
    }

    private Instant deadline() {
        Deadline deadline = Context.current().getDeadline();
        return deadline == null ? scoring.defaultDeadline()
                : scoring.deadlineIn(Duration.ofNanos(deadline.timeRemaining(TimeUnit.NANOSECONDS)));
    }

    private static <T> void answer(T message, StreamObserver<T> responses) {
        responses.onNext(message);
        responses.onCompleted();
    }
}
