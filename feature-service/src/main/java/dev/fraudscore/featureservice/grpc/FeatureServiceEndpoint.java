package dev.fraudscore.featureservice.grpc;

import dev.fraudscore.contracts.feature.v1.FeatureServiceGrpc;
import dev.fraudscore.contracts.feature.v1.GetFeaturesRequest;
import dev.fraudscore.contracts.feature.v1.GetFeaturesResponse;
import dev.fraudscore.contracts.feature.v1.RecordLabelRequest;
import dev.fraudscore.contracts.feature.v1.RecordLabelResponse;
import dev.fraudscore.featureservice.domain.FeatureComputer;
import dev.fraudscore.features.state.TransactionLabel;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;
import org.springframework.grpc.server.service.GrpcService;

/**
 * {@code fraudscore.feature.v1.FeatureService}. Errors found before any work are thrown, and service-support's
 * {@code GrpcStatusMapping} (the interceptor) turns them into a status with a sentence for the caller; errors of
 * the store, which arrive later, go through the same mapping here.
 *
 * <p>{@code GetFeatures} never blocks a thread: it sends its Redis scripts and returns, and the answer leaves
 * from Lettuce's I/O thread when Redis replies. So the server runs calls on its transport threads (no executor,
 * {@code fraudscore.grpc.calls-on-transport-threads}), and {@code RecordLabel}, which waits on Redis, runs on {@code blocking}.
 */
@GrpcService
public class FeatureServiceEndpoint extends FeatureServiceGrpc.FeatureServiceImplBase {

    private final FeatureComputer features;
    private final GrpcExceptionHandler errors;
    private final Executor blocking;

    /**
     * @param errors   the service's mapping from exceptions to status, for failures that arrive after the call returned
     * @param blocking where calls that wait on Redis run, off the transport threads
     */
    public FeatureServiceEndpoint(FeatureComputer features, GrpcExceptionHandler errors,
            @Qualifier("applicationTaskExecutor") Executor blocking) {
        this.features = features;
        this.errors = errors;
        this.blocking = blocking;
    }

    @Override
    public void getFeatures(GetFeaturesRequest request, StreamObserver<GetFeaturesResponse> responseObserver) {
        features.computeAsync(GetFeaturesRequestMapper.toQuery(request)).whenComplete((computed, failure) -> {
            if (failure == null) {
                answer(responseObserver, FeatureResponses.of(computed));
            } else {
                fail(responseObserver, failure);
            }
        });
    }

    /** Recorded now or already: the same answer. Unknown: NOT_FOUND; the other label already: FAILED_PRECONDITION. */
    @Override
    public void recordLabel(RecordLabelRequest request, StreamObserver<RecordLabelResponse> responseObserver) {
        TransactionLabel label = RecordLabelMapper.toLabel(request);
        blocking.execute(() -> {
            try {
                features.label(label);
                answer(responseObserver, RecordLabelMapper.toResponse(label));
            } catch (RuntimeException e) {
                fail(responseObserver, e);
            }
        });
    }

    private static <A> void answer(StreamObserver<A> responseObserver, A answer) {
        if (responseObserver instanceof ServerCallStreamObserver<A> call && call.isCancelled()) {
            return; // the caller gave up (its deadline passed): nobody to answer
        }
        responseObserver.onNext(answer);
        responseObserver.onCompleted();
    }

    private void fail(StreamObserver<?> responseObserver, Throwable failure) {
        if (responseObserver instanceof ServerCallStreamObserver<?> call && call.isCancelled()) {
            return;
        }
        responseObserver.onError(errors.handleException(failure));
    }
}
