package dev.fraudscore.featureservice.grpc;

import com.google.protobuf.Timestamp;
import dev.fraudscore.contracts.feature.v1.FraudLabel;
import dev.fraudscore.contracts.feature.v1.RecordLabelRequest;
import dev.fraudscore.contracts.feature.v1.RecordLabelResponse;
import dev.fraudscore.domain.DomainException;
import dev.fraudscore.domain.FieldViolation;
import dev.fraudscore.features.state.TransactionLabel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code RecordLabel} to and from the domain's {@link TransactionLabel}, naming each bad field at once. */
final class RecordLabelMapper {

    private RecordLabelMapper() {
    }

    /** @throws DomainException (INVALID) naming each bad field */
    static TransactionLabel toLabel(RecordLabelRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        if (request.getTransactionId().isBlank()) {
            violations.add(new FieldViolation("transaction_id", "must not be empty"));
        }
        dev.fraudscore.features.state.FraudLabel label = switch (request.getLabel()) {
            case FRAUD_LABEL_FRAUD -> dev.fraudscore.features.state.FraudLabel.FRAUD;
            case FRAUD_LABEL_GENUINE -> dev.fraudscore.features.state.FraudLabel.GENUINE;
            default -> {
                violations.add(new FieldViolation("label", "must be FRAUD_LABEL_FRAUD or FRAUD_LABEL_GENUINE (it was "
                        + (request.getLabel() == FraudLabel.UNRECOGNIZED ? "the unknown value " + request.getLabelValue()
                                : request.getLabel().name()) + ")"));
                yield null;
            }
        };
        Instant reportedAt = reportedAt(request, violations);
        if (!violations.isEmpty()) {
            throw DomainException.invalidFields("the label", violations);
        }
        return new TransactionLabel(request.getTransactionId(), label, reportedAt);
    }

    /** The same answer for a label recorded now and for the same label again. */
    static RecordLabelResponse toResponse(TransactionLabel label) {
        return RecordLabelResponse.newBuilder().setTransactionId(label.transactionId())
                .setLabel(label.label() == dev.fraudscore.features.state.FraudLabel.FRAUD
                        ? FraudLabel.FRAUD_LABEL_FRAUD : FraudLabel.FRAUD_LABEL_GENUINE)
                .build();
    }

    private static Instant reportedAt(RecordLabelRequest request, List<FieldViolation> violations) {
        if (!request.hasReportedAt()) {
            violations.add(new FieldViolation("reported_at", "is missing"));
            return null;
        }
        Timestamp ts = request.getReportedAt();
        if (ts.getNanos() < 0 || ts.getNanos() > 999_999_999 || ts.getSeconds() < 0) {
            violations.add(new FieldViolation("reported_at", "must be an instant after 1970-01-01T00:00:00Z (it was "
                    + ts.getSeconds() + " s and " + ts.getNanos() + " ns after the epoch)"));
            return null;
        }
        return Instant.ofEpochSecond(ts.getSeconds(), ts.getNanos());
    }
}
