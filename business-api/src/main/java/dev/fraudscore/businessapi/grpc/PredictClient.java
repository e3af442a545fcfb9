package dev.fraudscore.businessapi.grpc;

import dev.fraudscore.businessapi.domain.ModelId;
import dev.fraudscore.businessapi.pipeline.Scorer;
import dev.fraudscore.contracts.predict.v1.GetModelMetadataRequest;
import dev.fraudscore.contracts.predict.v1.GetModelMetadataResponse;
import dev.fraudscore.contracts.predict.v1.PredictRequest;
import dev.fraudscore.contracts.predict.v1.PredictResponse;
import dev.fraudscore.contracts.predict.v1.PredictServiceGrpc;
import dev.fraudscore.contracts.predict.v1.Row;
import dev.fraudscore.features.FeatureSetId;
import dev.fraudscore.support.proto.DomainProtos;
import io.grpc.Channel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@link Scorer} over PredictService.Predict through its guard; GetModelMetadata (background only). */
public final class PredictClient implements Scorer {

    private final PredictServiceGrpc.PredictServiceFutureStub futureStub;
    private final PredictServiceGrpc.PredictServiceBlockingStub blockingStub;
    private final GuardedDownstream guard;

    public PredictClient(Channel channel, GuardedDownstream guard) {
        this.futureStub = PredictServiceGrpc.newFutureStub(channel);
        this.blockingStub = PredictServiceGrpc.newBlockingStub(channel);
        this.guard = guard;
    }

    @Override
    public Duration timeout() {
        return guard.timeout();
    }

    @Override
    public CompletableFuture<Score> score(FeatureSetId featureSet, float[] row, String routingKey, Duration budget) {
        Row.Builder values = Row.newBuilder();
        for (float value : row) {
            values.addValues(value);
        }
        PredictRequest request = PredictRequest.newBuilder().setFeatureSet(DomainProtos.toProto(featureSet))
                .addRows(values).setRoutingKey(routingKey).build();
        return guard.call(budget,
                deadline -> futureStub.withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS).predict(request),
                this::score);
    }

    private Score score(PredictResponse response) {
        if (response.getScoresCount() != 1) {
            throw GrpcFailures.unusable(guard.name(), "answered " + response.getScoresCount() + " scores for one row");
        }
        float score = response.getScores(0);
        if (!(score >= 0f && score <= 1f)) {
            throw GrpcFailures.unusable(guard.name(), "answered the score " + score + ", outside [0, 1]");
        }
        if (!response.hasModel() || response.getModel().getName().isEmpty()) {
            throw GrpcFailures.unusable(guard.name(), "answered without naming the model version that scored");
        }
        return new Score(score, new ModelId(response.getModel().getName(), response.getModel().getVersion()),
                DomainProtos.thresholds(response.hasSuggestedThresholds(), response.getSuggestedThresholds()).orElse(null));
    }

    /** Not guarded: only the background refresher calls it, never a request. */
    public GetModelMetadataResponse metadata(Duration timeout) {
        return blockingStub.withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .getModelMetadata(GetModelMetadataRequest.getDefaultInstance());
    }
}
