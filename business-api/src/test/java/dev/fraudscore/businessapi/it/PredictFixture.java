package dev.fraudscore.businessapi.it;

import dev.fraudscore.contracts.common.v1.FeatureSetRef;
import dev.fraudscore.contracts.common.v1.ModelRef;
import dev.fraudscore.contracts.predict.v1.GetModelMetadataRequest;
import dev.fraudscore.contracts.predict.v1.GetModelMetadataResponse;
import dev.fraudscore.contracts.predict.v1.PredictRequest;
import dev.fraudscore.contracts.predict.v1.PredictResponse;
import dev.fraudscore.contracts.predict.v1.PredictServiceGrpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PredictService for the tests: serves one model (changeable by the test), scores every row
 * 0.87, and, like the real one, refuses with FAILED_PRECONDITION a request whose feature set
 * fingerprint is not the model's.
 */
final class PredictFixture extends PredictServiceGrpc.PredictServiceImplBase {

    static final float SCORE = 0.87f;

    final ConcurrentLinkedQueue<PredictRequest> requests = new ConcurrentLinkedQueue<>();
    final AtomicInteger metadataCalls = new AtomicInteger();
    volatile GetModelMetadataResponse metadata = model("1", "fp-1");
    /** When set, every Predict is refused with it (RESOURCE_EXHAUSTED: the real one's batch queue is full). */
    volatile Status refuseWith;

    static GetModelMetadataResponse model(String version, String fingerprint) {
        return GetModelMetadataResponse.newBuilder()
                .setModel(ModelRef.newBuilder().setName("fraud-mlp").setVersion(version))
                .setFeatureSet(FeatureSetRef.newBuilder().setName("fraud").setVersion(1).setFingerprint(fingerprint))
                .addInputs("amount_log").addInputs("tx_count_1h")
                .setOutput("fraud_probability")
                .setDevice("cpu()")
                .build();
    }

    @Override
    public void getModelMetadata(GetModelMetadataRequest request, StreamObserver<GetModelMetadataResponse> responses) {
        metadataCalls.incrementAndGet();
        responses.onNext(metadata);
        responses.onCompleted();
    }

    @Override
    public void predict(PredictRequest request, StreamObserver<PredictResponse> responses) {
        requests.add(request);
        if (refuseWith != null) {
            responses.onError(refuseWith.asRuntimeException());
            return;
        }
        GetModelMetadataResponse served = metadata;
        if (!request.getFeatureSet().getFingerprint().equals(served.getFeatureSet().getFingerprint())) {
            responses.onError(Status.FAILED_PRECONDITION.withDescription("model " + served.getModel().getVersion()
                    + " needs feature set fingerprint " + served.getFeatureSet().getFingerprint()).asRuntimeException());
            return;
        }
        PredictResponse.Builder answer = PredictResponse.newBuilder().setModel(served.getModel());
        request.getRowsList().forEach(row -> answer.addScores(SCORE));
        responses.onNext(answer.build());
        responses.onCompleted();
    }

    void reset() {
        requests.clear();
        metadata = model("1", "fp-1");
        refuseWith = null;
    }
}
