package dev.fraudscore.postprocess.grpc;

import dev.fraudscore.contracts.common.v1.FeatureSetRef;
import dev.fraudscore.contracts.common.v1.ModelRef;
import dev.fraudscore.contracts.common.v1.Thresholds;
import dev.fraudscore.contracts.postprocess.v1.DecideRequest;
import dev.fraudscore.contracts.postprocess.v1.PostprocessServiceGrpc;
import dev.fraudscore.features.FeatureSet;
import dev.fraudscore.features.FeatureSets;
import dev.fraudscore.support.readiness.WarmupRounds;
import io.grpc.Channel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends Decide to its own gRPC port over a real channel, as business-api will after a score: every served feature
 * set's named values, scores across [0, 1) so that each decision's rules and reasons run. Run by a
 * {@link dev.fraudscore.support.readiness.GrpcSelfWarmup} once the server listens, before the gate's "warm-up"
 * condition opens. Decide changes no state. A restarted postprocess-service otherwise missed business-api's 50 ms
 * budget on its first calls under load, and the circuit breaker kept it out for seconds after it said it was ready.
 */
public final class SelfWarmup {

    private static final int ROUNDS = 200;
    private static final Duration BUDGET = Duration.ofSeconds(10);

    /** @param channel reaches the service's own gRPC port */
    public void warm(Channel channel) {
        PostprocessServiceGrpc.PostprocessServiceBlockingStub stub = PostprocessServiceGrpc.newBlockingStub(channel);
        List<FeatureSet> sets = FeatureSets.all();
        AtomicInteger round = new AtomicInteger();
        WarmupRounds.run("Decide over the gRPC port", ROUNDS, BUDGET, () -> {
            int i = round.getAndIncrement();
            stub.withDeadlineAfter(5, TimeUnit.SECONDS).decide(request(sets.get(i % sets.size()), i));
        });
    }

    private static DecideRequest request(FeatureSet set, int i) {
        DecideRequest.Builder request = DecideRequest.newBuilder().setTransactionId("warmup-" + i)
                .setScore((i % 100) / 100f)
                .setModel(ModelRef.newBuilder().setName("warmup").setVersion("1"))
                .setFeatureSet(FeatureSetRef.newBuilder().setName(set.name()).setVersion(set.version()))
                .setModelThresholds(Thresholds.newBuilder().setReview(0.3f).setDecline(0.9f));
        set.features().forEach(feature -> request.putFeatures(feature.name(), feature.defaultValue()));
        return request.build();
    }
}
