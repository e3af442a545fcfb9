package dev.fraudscore.support.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.BadRequest;
import dev.fraudscore.domain.DomainException;
import dev.fraudscore.domain.FieldViolation;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GrpcStatusMappingTest {

    private final GrpcStatusMapping mapping = new GrpcStatusMapping("feature-service");

    @Test
    void anInvalidRequestIsInvalidArgumentWithOneFieldViolationPerBadField() throws Exception {
        StatusException status = mapping.handleException(DomainException.invalidFields("the request", List.of(
                new FieldViolation("transaction.amount_minor", "must not be negative (it was -5)"),
                new FieldViolation("transaction.card_key", "must not be empty"))));

        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(status.getStatus().getDescription()).isEqualTo("the request is invalid: "
                + "transaction.amount_minor must not be negative (it was -5); transaction.card_key must not be empty");
        BadRequest details = StatusProto.fromThrowable(status).getDetails(0).unpack(BadRequest.class);
        assertThat(details.getFieldViolationsList()).extracting(BadRequest.FieldViolation::getField)
                .containsExactly("transaction.amount_minor", "transaction.card_key");
    }

    @ParameterizedTest
    @EnumSource(DomainException.Kind.class)
    void eachKindOfRefusalHasItsStatusAndKeepsItsSentence(DomainException.Kind kind) {
        StatusException status = mapping.handleException(new DomainException(kind, "a sentence for the caller"));

        assertThat(status.getStatus().getCode()).isEqualTo(GrpcStatusMapping.codeOf(kind).getCode());
        assertThat(status.getStatus().getDescription()).isEqualTo("a sentence for the caller");
        assertThat(status.getCause()).isNull();
    }

    @Test
    void aRefusalThatArrivesThroughAFutureKeepsItsStatusAndSentence() {
        DomainException refused = new DomainException(DomainException.Kind.UNAVAILABLE, "Redis is not answering");

        StatusException status = mapping.handleException(
                new CompletionException(new ExecutionException(refused)));

        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(status.getStatus().getDescription()).isEqualTo("Redis is not answering");
    }

    @Test
    void theKindsMapOntoTheCodesCallersActOn() {
        assertThat(GrpcStatusMapping.codeOf(DomainException.Kind.MISMATCH).getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(GrpcStatusMapping.codeOf(DomainException.Kind.OVERLOADED).getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(GrpcStatusMapping.codeOf(DomainException.Kind.TOO_LATE).getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    }

    @Test
    void aStatusThrownOnPurposeKeepsItsCodeButNotItsCause() {
        StatusException status = mapping.handleException(
                Status.CANCELLED.withDescription("client went away").withCause(new IllegalStateException("x")).asRuntimeException());

        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.CANCELLED);
        assertThat(status.getStatus().getDescription()).isEqualTo("client went away");
        assertThat(status.getStatus().getCause()).isNull();
    }

    @Test
    void anythingElseIsInternalAndKeepsItsDetailsInTheLog() {
        StatusException status = mapping.handleException(new IllegalStateException("secret internals at line 42"));

        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(status.getStatus().getDescription())
                .isEqualTo("feature-service failed to handle the request because of an internal error; the cause is in its log")
                .doesNotContain("secret");
        assertThat(status.getCause()).isNull();
    }
}
