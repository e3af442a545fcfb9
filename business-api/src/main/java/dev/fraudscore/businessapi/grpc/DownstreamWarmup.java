package dev.fraudscore.businessapi.grpc;

import dev.fraudscore.businessapi.pipeline.ServedModel;
import dev.fraudscore.contracts.postprocess.v1.DecideRequest;
import dev.fraudscore.contracts.postprocess.v1.PostprocessServiceGrpc;
import dev.fraudscore.contracts.postprocess.v1.Unavailable;
import dev.fraudscore.contracts.predict.v1.PredictRequest;
import dev.fraudscore.contracts.predict.v1.PredictServiceGrpc;
import dev.fraudscore.support.proto.DomainProtos;
import dev.fraudscore.support.readiness.WarmupRounds;
import io.grpc.Channel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Sends side-effect-free calls (Predict on a zero row, Decide) to predict- and postprocess-service once
 * the model is known, before business-api reports ready. Cold JVMs on both ends otherwise spend the first
 * real requests past their 50-100 ms timeouts. Goes around the circuit breakers on purpose: slow warm-up
 * calls are expected and must not open them. GetFeatures records a transaction, so it is never warmed.
 */
public final class DownstreamWarmup {

    private static final int ROUNDS = 50;
    private static final Duration BUDGET = Duration.ofSeconds(30);

    private final Channel predict;
    private final Channel postprocess;

    public DownstreamWarmup(Channel predict, Channel postprocess) {
        this.predict = predict;
        this.postprocess = postprocess;
    }

    public void warm(ServedModel model) {
        PredictRequest zeros = DomainProtos.zeroRowPredict(DomainProtos.toProto(model.featureSet()), model.inputs());
        DecideRequest decide = DecideRequest.newBuilder().setTransactionId("warmup")
                .setUnavailable(Unavailable.UNAVAILABLE_MODEL_UNAVAILABLE)
                .setModel(DomainProtos.modelRef(model.model().name(), model.model().version()))
                .setFeatureSet(DomainProtos.toProto(model.featureSet())).build();
        WarmupRounds.run("the calls to predict- and postprocess-service", ROUNDS, BUDGET, () -> {
            PredictServiceGrpc.newBlockingStub(predict).withDeadlineAfter(2, TimeUnit.SECONDS).predict(zeros);
            PostprocessServiceGrpc.newBlockingStub(postprocess).withDeadlineAfter(2, TimeUnit.SECONDS).decide(decide);
        });
    }
}
