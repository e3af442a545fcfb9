package dev.fraudscore.featureservice.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.BadRequest;
import dev.fraudscore.featureservice.domain.FeatureStoreUnavailableException;
import dev.fraudscore.featureservice.domain.FingerprintMismatchException;
import dev.fraudscore.featureservice.domain.InvalidRequestException;
import dev.fraudscore.featureservice.domain.InvalidRequestException.Violation;
import dev.fraudscore.featureservice.domain.UnknownFeatureSetException;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrpcErrorMappingTest {

    private final GrpcErrorMapping mapping = new GrpcErrorMapping();

    @Test
    void anInvalidRequestIsInvalidArgumentWithOneFieldViolationPerBadField() throws Exception {
        StatusException status = mapping.handleException(new InvalidRequestException(List.of(
                new Violation("transaction.amount_minor", "must not be negative (it was -5)"),
                new Violation("transaction.card_key", "must not be empty"))));

        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(status.getStatus().getDescription()).isEqualTo("the request is invalid: "
                + "transaction.amount_minor must not be negative (it was -5); transaction.card_key must not be empty");
        BadRequest details = StatusProto.fromThrowable(status).getDetails(0).unpack(BadRequest.class);
        assertThat(details.getFieldViolationsList()).extracting(BadRequest.FieldViolation::getField)
                .containsExactly("transaction.amount_minor", "transaction.card_key");
    }

    @Test
    void anUnknownFeatureSetIsNotFound() {
        StatusException status = mapping.handleException(new UnknownFeatureSetException("fraud_v9", List.of("fraud_v1")));

        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(status.getStatus().getDescription()).isEqualTo("feature set fraud_v9 is not served here; served: fraud_v1");
    }

    @Test
    void aFingerprintMismatchIsAFailedPrecondition() {
        StatusException status = mapping.handleException(new FingerprintMismatchException("fraud_v1", "aaaa", "bbbb"));

        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(status.getStatus().getDescription()).contains("aaaa").contains("bbbb");
    }

    @Test
    void anUnreachableStoreIsUnavailable() {
        StatusException status = mapping.handleException(
                FeatureStoreUnavailableException.unreachable("Redis at localhost:6379", new RuntimeException("Connection refused")));

        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(status.getStatus().getDescription())
                .isEqualTo("the feature store (Redis at localhost:6379) is unreachable");
        assertThat(status.getCause()).isNull();
    }

    @Test
    void anythingElseIsInternalAndKeepsItsDetailsInTheLog() {
        StatusException status = mapping.handleException(new IllegalStateException("secret internals at line 42"));

        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(status.getStatus().getDescription())
                .isEqualTo("the feature service failed unexpectedly; the cause is in its log")
                .doesNotContain("secret");
        assertThat(status.getCause()).isNull();
    }
}
