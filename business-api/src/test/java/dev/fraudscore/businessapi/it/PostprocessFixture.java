package dev.fraudscore.businessapi.it;

import dev.fraudscore.contracts.postprocess.v1.DecideRequest;
import dev.fraudscore.contracts.postprocess.v1.DecideResponse;
import dev.fraudscore.contracts.postprocess.v1.Decision;
import dev.fraudscore.contracts.postprocess.v1.Label;
import dev.fraudscore.contracts.postprocess.v1.PostprocessServiceGrpc;
import dev.fraudscore.contracts.postprocess.v1.Reason;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A real PostprocessService for the tests with a fixed policy: score >= 0.8 declines, >= 0.5 reviews,
 * else approves; no score gives UNCERTAIN / REVIEW (and leaves the degradation reason to business-api).
 */
final class PostprocessFixture extends PostprocessServiceGrpc.PostprocessServiceImplBase {

    static final String POLICY = "policy-test-1";

    final ConcurrentLinkedQueue<DecideRequest> requests = new ConcurrentLinkedQueue<>();

    @Override
    public void decide(DecideRequest request, StreamObserver<DecideResponse> responses) {
        requests.add(request);
        DecideResponse.Builder answer = DecideResponse.newBuilder().setPolicyVersion(POLICY);
        if (!request.hasScore()) {
            answer.setLabel(Label.LABEL_UNCERTAIN).setDecision(Decision.DECISION_REVIEW);
        } else if (request.getScore() >= 0.8f) {
            answer.setLabel(Label.LABEL_HIGHLY_SUSPICIOUS).setDecision(Decision.DECISION_DECLINE)
                    .addReasons(Reason.newBuilder().setCode("HIGH_SCORE").setText("The model's score is very high.").setWeight(0.75f));
        } else if (request.getScore() >= 0.5f) {
            answer.setLabel(Label.LABEL_SUSPICIOUS).setDecision(Decision.DECISION_REVIEW);
        } else {
            answer.setLabel(Label.LABEL_NOT_FRAUD).setDecision(Decision.DECISION_APPROVE);
        }
        responses.onNext(answer.build());
        responses.onCompleted();
    }

    void reset() {
        requests.clear();
    }
}
