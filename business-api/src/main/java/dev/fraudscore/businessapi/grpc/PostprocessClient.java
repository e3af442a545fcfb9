package dev.fraudscore.businessapi.grpc;

import dev.fraudscore.businessapi.domain.PolicyDecision;
import dev.fraudscore.businessapi.pipeline.DecisionPolicy;
import dev.fraudscore.contracts.postprocess.v1.DecideRequest;
import dev.fraudscore.contracts.postprocess.v1.DecideResponse;
import dev.fraudscore.contracts.postprocess.v1.PostprocessServiceGrpc;
import dev.fraudscore.contracts.postprocess.v1.Unavailable;
import dev.fraudscore.domain.Decision;
import dev.fraudscore.domain.Label;
import dev.fraudscore.domain.Reason;
import dev.fraudscore.support.proto.DomainProtos;
import io.grpc.Channel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@link DecisionPolicy} over PostprocessService.Decide, through its guard. Does not own the channel. */
public final class PostprocessClient implements DecisionPolicy {

    private final PostprocessServiceGrpc.PostprocessServiceFutureStub stub;
    private final GuardedDownstream guard;

    public PostprocessClient(Channel channel, GuardedDownstream guard) {
        this.stub = PostprocessServiceGrpc.newFutureStub(channel);
        this.guard = guard;
    }

    @Override
    public Duration timeout() {
        return guard.timeout();
    }

    @Override
    public CompletableFuture<PolicyDecision> decide(Question question, Duration budget) {
        DecideRequest request = toProto(question);
        return guard.call(budget,
                deadline -> stub.withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS).decide(request),
                this::decision);
    }

    private PolicyDecision decision(DecideResponse response) {
        Label label = DomainProtos.label(response.getLabel()).orElseThrow(() -> GrpcFailures.unusable(guard.name(),
                "answered without a known label (" + response.getLabelValue() + ")"));
        Decision decision = DomainProtos.decision(response.getDecision()).orElseThrow(() -> GrpcFailures.unusable(
                guard.name(), "answered without a known decision (" + response.getDecisionValue() + ")"));
        return new PolicyDecision(label, decision,
                response.getReasonsList().stream()
                        .map(r -> new Reason(r.getCode(), r.getText(), r.getWeight()))
                        .toList(),
                response.getPolicyVersion().isEmpty() ? null : response.getPolicyVersion());
    }

    static DecideRequest toProto(Question question) {
        DecideRequest.Builder request = DecideRequest.newBuilder()
                .setTransactionId(question.transactionId())
                .putAllFeatures(question.features());
        if (question.score() != null) {
            request.setScore(question.score());
        } else {
            // the pipeline skips a score for the features or the model; any other reason reads as the model's
            request.setUnavailable(Optional.ofNullable(question.unavailable()).flatMap(DomainProtos::unavailable)
                    .orElse(Unavailable.UNAVAILABLE_MODEL_UNAVAILABLE));
        }
        if (question.model() != null) {
            request.setModel(DomainProtos.modelRef(question.model().name(), question.model().version()));
        }
        if (question.featureSet() != null) {
            request.setFeatureSet(DomainProtos.toProto(question.featureSet()));
        }
        if (question.modelThresholds() != null) {
            request.setModelThresholds(DomainProtos.toProto(question.modelThresholds()));
        }
        return request.build();
    }
}
