package dev.fraudscore.businessapi.grpc;

import dev.fraudscore.contracts.predict.v1.GetModelMetadataRequest;
import dev.fraudscore.contracts.predict.v1.ModelMetadata;
import dev.fraudscore.contracts.predict.v1.PredictRequest;
import dev.fraudscore.contracts.predict.v1.PredictResponse;
import dev.fraudscore.contracts.predict.v1.PredictServiceGrpc;
import io.grpc.Channel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** PredictService: Predict through its guard, GetModelMetadata (background only) with a plain deadline. */
public final class PredictClient {

    private final PredictServiceGrpc.PredictServiceFutureStub futureStub;
    private final PredictServiceGrpc.PredictServiceBlockingStub blockingStub;
    private final GuardedDownstream guard;

    public PredictClient(Channel channel, GuardedDownstream guard) {
        this.futureStub = PredictServiceGrpc.newFutureStub(channel);
        this.blockingStub = PredictServiceGrpc.newBlockingStub(channel);
        this.guard = guard;
    }

    public GuardedDownstream guard() {
        return guard;
    }

    /**
     * @return the score of the request's single row, in [0, 1]
     * @throws DownstreamFailure when no usable score came back
     */
    public Scored predictOne(PredictRequest request, Duration budget) {
        PredictResponse response = guard.call(budget,
                deadline -> futureStub.withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS).predict(request));
        if (response.getScoresCount() != 1) {
            throw DownstreamFailure.unusable(guard.name(), "answered " + response.getScoresCount() + " scores for one row");
        }
        float score = response.getScores(0);
        if (!(score >= 0f && score <= 1f)) {
            throw DownstreamFailure.unusable(guard.name(), "answered the score " + score + ", outside [0, 1]");
        }
        return new Scored(score, response);
    }

    /** Not guarded: only the background refresher calls it, never a request. */
    public ModelMetadata metadata(Duration timeout) {
        return blockingStub.withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .getModelMetadata(GetModelMetadataRequest.getDefaultInstance());
    }

    /** A score and the response it came in (for the model that produced it). */
    public record Scored(float score, PredictResponse response) {
    }
}
