package dev.fraudscore.businessapi.grpc;

import com.google.protobuf.Timestamp;
import dev.fraudscore.businessapi.pipeline.LabelSink;
import dev.fraudscore.businessapi.pipeline.StepFailure;
import dev.fraudscore.contracts.feature.v1.FeatureServiceGrpc;
import dev.fraudscore.contracts.feature.v1.FraudLabel;
import dev.fraudscore.contracts.feature.v1.RecordLabelRequest;
import dev.fraudscore.features.state.TransactionLabel;
import io.grpc.Channel;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@link LabelSink} over FeatureService.RecordLabel, through its guard. Does not own the channel. NOT_FOUND and
 * FAILED_PRECONDITION are the store's answers (unknown transaction, the other label already), not failures; they
 * do not count against the breaker. RecordLabel is idempotent, so an UNAVAILABLE is retried once.
 */
public final class LabelClient implements LabelSink {

    private final FeatureServiceGrpc.FeatureServiceFutureStub stub;
    private final GuardedDownstream guard;

    public LabelClient(Channel channel, GuardedDownstream guard) {
        this.stub = FeatureServiceGrpc.newFutureStub(channel);
        this.guard = guard;
    }

    @Override
    public Duration timeout() {
        return guard.timeout();
    }

    @Override
    public Receipt record(TransactionLabel label, Duration budget) {
        RecordLabelRequest request = toProto(label);
        try {
            return send(request, budget);
        } catch (StepFailure failure) {
            if (failure.kind() != StepFailure.Kind.UNAVAILABLE) {
                throw failure;
            }
            return send(request, budget); // a repeat is REPEATED: the same answer, counted once
        }
    }

    private Receipt send(RecordLabelRequest request, Duration budget) {
        try {
            guard.callAndWait(budget, deadline -> stub.withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS)
                    .recordLabel(request));
            return Receipt.ACCEPTED;
        } catch (StepFailure failure) {
            Status.Code code = failure.getCause() == null ? Status.Code.UNKNOWN
                    : Status.fromThrowable(failure.getCause()).getCode();
            return switch (code) {
                case NOT_FOUND -> new Receipt(Verdict.UNKNOWN_TRANSACTION, failure.sentence());
                case FAILED_PRECONDITION -> new Receipt(Verdict.CONFLICT, failure.sentence());
                default -> throw failure;
            };
        }
    }

    static RecordLabelRequest toProto(TransactionLabel label) {
        return RecordLabelRequest.newBuilder()
                .setTransactionId(label.transactionId())
                .setLabel(label.label() == dev.fraudscore.features.state.FraudLabel.FRAUD
                        ? FraudLabel.FRAUD_LABEL_FRAUD : FraudLabel.FRAUD_LABEL_GENUINE)
                .setReportedAt(Timestamp.newBuilder().setSeconds(label.reportedAt().getEpochSecond())
                        .setNanos(label.reportedAt().getNano()))
                .build();
    }
}
