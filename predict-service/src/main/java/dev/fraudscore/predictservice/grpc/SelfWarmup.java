package dev.fraudscore.predictservice.grpc;

import dev.fraudscore.contracts.predict.v1.GetModelMetadataRequest;
import dev.fraudscore.contracts.predict.v1.GetModelMetadataResponse;
import dev.fraudscore.contracts.predict.v1.PredictRequest;
import dev.fraudscore.contracts.predict.v1.PredictServiceGrpc;
import dev.fraudscore.support.proto.DomainProtos;
import dev.fraudscore.support.readiness.ReadinessGate;
import dev.fraudscore.support.readiness.WarmupRounds;
import io.grpc.Channel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once the default model is servable, sends Predict (a row of zeros) to its own gRPC port over a real channel, as
 * business-api will: the transport, the request path, the batch queue's own thread and the JIT are paid for before the
 * gate's "warm-up" condition opens (run by a {@link dev.fraudscore.support.readiness.GrpcSelfWarmup} once the server
 * listens). The version's own warm-up only runs the forward pass. A restarted predict-service otherwise missed
 * business-api's 100 ms budget on its first calls under load, and the circuit breaker kept it out for 5-8 s after it
 * said it was ready (README, Measured).
 */
public final class SelfWarmup {

    private static final Logger log = LoggerFactory.getLogger(SelfWarmup.class);
    private static final int ROUNDS = 200;
    private static final Duration BUDGET = Duration.ofSeconds(10);
    private static final Duration MODEL_WAIT = Duration.ofMinutes(2);

    private final ReadinessGate gate;
    private final String readyCondition;

    /** @param readyCondition the gate's condition that says the default model is servable (warmed only after it) */
    public SelfWarmup(ReadinessGate gate, String readyCondition) {
        this.gate = gate;
        this.readyCondition = readyCondition;
    }

    /** @param channel reaches the service's own gRPC port */
    public void warm(Channel channel) {
        try {
            if (!gate.awaitReady(readyCondition, MODEL_WAIT)) {
                log.info("No servable default model within {} s: Predict is not warmed up", MODEL_WAIT.toSeconds());
                return;
            }
            PredictServiceGrpc.PredictServiceBlockingStub stub = PredictServiceGrpc.newBlockingStub(channel);
            GetModelMetadataResponse model = stub.withDeadlineAfter(5, TimeUnit.SECONDS)
                    .getModelMetadata(GetModelMetadataRequest.getDefaultInstance());
            PredictRequest zeros = DomainProtos.zeroRowPredict(model.getFeatureSet(), model.getInputsCount());
            WarmupRounds.run("Predict over the gRPC port", ROUNDS, BUDGET,
                    () -> stub.withDeadlineAfter(5, TimeUnit.SECONDS).predict(zeros));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
