package dev.fraudscore.businessapi.grpc;

import dev.fraudscore.businessapi.domain.Decision;
import dev.fraudscore.businessapi.domain.FraudScore;
import dev.fraudscore.businessapi.domain.Label;
import dev.fraudscore.businessapi.domain.PolicyDecision;
import dev.fraudscore.contracts.postprocess.v1.DecideRequest;
import dev.fraudscore.contracts.postprocess.v1.DecideResponse;
import dev.fraudscore.contracts.postprocess.v1.PostprocessServiceGrpc;
import io.grpc.Channel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** PostprocessService.Decide through its guard, mapped to the business domain. Does not own the channel. */
public final class PostprocessClient {

    private final PostprocessServiceGrpc.PostprocessServiceFutureStub stub;
    private final GuardedDownstream guard;

    public PostprocessClient(Channel channel, GuardedDownstream guard) {
        this.stub = PostprocessServiceGrpc.newFutureStub(channel);
        this.guard = guard;
    }

    public GuardedDownstream guard() {
        return guard;
    }

    /** @throws DownstreamFailure when no usable decision came back */
    public PolicyDecision decide(DecideRequest request, Duration budget) {
        DecideResponse response = guard.call(budget,
                deadline -> stub.withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS).decide(request));
        return new PolicyDecision(label(response), decision(response),
                response.getReasonsList().stream()
                        .map(r -> new FraudScore.Reason(r.getCode(), r.getText(), ProtoNumbers.toDouble(r.getWeight())))
                        .toList(),
                response.getPolicyVersion().isEmpty() ? null : response.getPolicyVersion());
    }

    private Label label(DecideResponse response) {
        return switch (response.getLabel()) {
            case NOT_FRAUD -> Label.NOT_FRAUD;
            case SUSPICIOUS -> Label.SUSPICIOUS;
            case HIGHLY_SUSPICIOUS -> Label.HIGHLY_SUSPICIOUS;
            case UNCERTAIN -> Label.UNCERTAIN;
            case LABEL_UNSPECIFIED, UNRECOGNIZED -> throw DownstreamFailure.unusable(guard.name(),
                    "answered without a known label (" + response.getLabelValue() + ")");
        };
    }

    private Decision decision(DecideResponse response) {
        return switch (response.getDecision()) {
            case APPROVE -> Decision.APPROVE;
            case REVIEW -> Decision.REVIEW;
            case DECLINE -> Decision.DECLINE;
            case DECISION_UNSPECIFIED, UNRECOGNIZED -> throw DownstreamFailure.unusable(guard.name(),
                    "answered without a known decision (" + response.getDecisionValue() + ")");
        };
    }
}
