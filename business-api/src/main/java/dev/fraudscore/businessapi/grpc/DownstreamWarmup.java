package dev.fraudscore.businessapi.grpc;

import dev.fraudscore.contracts.postprocess.v1.DecideRequest;
import dev.fraudscore.contracts.postprocess.v1.PostprocessServiceGrpc;
import dev.fraudscore.contracts.postprocess.v1.Unavailable;
import dev.fraudscore.contracts.predict.v1.ModelMetadata;
import dev.fraudscore.contracts.predict.v1.PredictRequest;
import dev.fraudscore.contracts.predict.v1.PredictServiceGrpc;
import dev.fraudscore.contracts.predict.v1.Row;
import io.grpc.Channel;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends side-effect-free calls (Predict on a zero row, Decide) to predict- and postprocess-service once
 * the model is known, before business-api reports ready. Cold JVMs on both ends otherwise spend the first
 * real requests past their 50-100 ms timeouts. Goes around the circuit breakers on purpose: slow warm-up
 * calls are expected and must not open them. GetFeatures records a transaction, so it is never warmed.
 */
public final class DownstreamWarmup {

    private static final Logger log = LoggerFactory.getLogger(DownstreamWarmup.class);
    private static final int ROUNDS = 50;

    private final Channel predict;
    private final Channel postprocess;
    private volatile boolean done;

    public DownstreamWarmup(Channel predict, Channel postprocess) {
        this.predict = predict;
        this.postprocess = postprocess;
    }

    public boolean done() {
        return done;
    }

    public void warm(ModelMetadata model) {
        long start = System.nanoTime();
        PredictRequest zeros = PredictRequest.newBuilder().setFeatureSet(model.getFeatureSet())
                .addRows(Row.newBuilder().addAllValues(Collections.nCopies(model.getInputsCount(), 0f))).build();
        DecideRequest decide = DecideRequest.newBuilder().setTransactionId("warmup")
                .setUnavailable(Unavailable.MODEL_UNAVAILABLE).setModel(model.getModel())
                .setFeatureSet(model.getFeatureSet()).build();
        int failures = 0;
        for (int i = 0; i < ROUNDS; i++) {
            try {
                PredictServiceGrpc.newBlockingStub(predict).withDeadlineAfter(2, TimeUnit.SECONDS).predict(zeros);
                PostprocessServiceGrpc.newBlockingStub(postprocess).withDeadlineAfter(2, TimeUnit.SECONDS).decide(decide);
            } catch (RuntimeException e) {
                failures++;
                if (failures == 1) {
                    log.info("A warm-up call failed ({}); carrying on, the service may still be starting", e.getMessage());
                }
            }
        }
        done = true;
        log.info("Warmed up the calls to predict- and postprocess-service in {} ms ({} of {} rounds failed)",
                (System.nanoTime() - start) / 1_000_000, failures, ROUNDS);
    }
}
