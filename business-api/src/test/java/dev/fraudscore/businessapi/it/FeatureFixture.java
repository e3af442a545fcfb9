package dev.fraudscore.businessapi.it;

import dev.fraudscore.contracts.feature.v1.FeatureServiceGrpc;
import dev.fraudscore.contracts.feature.v1.GetFeaturesRequest;
import dev.fraudscore.contracts.feature.v1.GetFeaturesResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A real FeatureService for the tests: answers a small deterministic vector echoing the requested
 * feature set, or hangs (keeps the call open and never answers), or refuses, as the test asks.
 */
final class FeatureFixture extends FeatureServiceGrpc.FeatureServiceImplBase {

    enum Mode { ANSWER, HANG, INVALID_ARGUMENT }

    final ConcurrentLinkedQueue<GetFeaturesRequest> requests = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<StreamObserver<GetFeaturesResponse>> hanging = new ConcurrentLinkedQueue<>();
    volatile Mode mode = Mode.ANSWER;

    @Override
    public void getFeatures(GetFeaturesRequest request, StreamObserver<GetFeaturesResponse> responses) {
        requests.add(request);
        switch (mode) {
            case HANG -> hanging.add(responses);
            case INVALID_ARGUMENT -> responses.onError(Status.INVALID_ARGUMENT
                    .withDescription("transaction.merchant_category_code 9999 is not a known MCC").asRuntimeException());
            case ANSWER -> {
                responses.onNext(GetFeaturesResponse.newBuilder()
                        .setFeatureSet(request.getFeatureSet())
                        .addAllNames(List.of("amount_log", "tx_count_1h"))
                        .addAllValues(List.of((float) Math.log1p(request.getTransaction().getAmountMinor()), 1f))
                        .build());
                responses.onCompleted();
            }
        }
    }

    void reset() {
        mode = Mode.ANSWER;
        requests.clear();
        StreamObserver<GetFeaturesResponse> call;
        while ((call = hanging.poll()) != null) {
            try {
                call.onError(Status.CANCELLED.asRuntimeException());
            } catch (RuntimeException alreadyClosedByTheClient) {
                // the client gave up on it at its deadline: nothing to release
            }
        }
    }
}
