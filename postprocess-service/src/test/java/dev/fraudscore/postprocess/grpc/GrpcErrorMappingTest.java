package dev.fraudscore.postprocess.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.postprocess.domain.InvalidDecideRequestException;
import io.grpc.Status;
import io.grpc.StatusException;
import org.junit.jupiter.api.Test;

class GrpcErrorMappingTest {

    private final GrpcErrorMapping mapping = new GrpcErrorMapping();

    @Test
    void aBadRequestIsInvalidArgumentWithItsSentence() {
        StatusException e = mapping.handleException(new InvalidDecideRequestException("The score must be ..."));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(e.getStatus().getDescription()).isEqualTo("The score must be ...");
    }

    @Test
    void anythingElseIsInternalWithoutItsMessageOrCause() {
        StatusException e = mapping.handleException(new NullPointerException("secret detail"));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(e.getStatus().getDescription()).isEqualTo(GrpcErrorMapping.INTERNAL_ERROR);
        assertThat(e.getStatus().getCause()).isNull();
    }

    @Test
    void aStatusKeepsItsCodeAndDescriptionButLosesItsCause() {
        StatusException e = mapping.handleException(
                Status.DEADLINE_EXCEEDED.withDescription("late").withCause(new RuntimeException()).asRuntimeException());

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
        assertThat(e.getStatus().getDescription()).isEqualTo("late");
        assertThat(e.getStatus().getCause()).isNull();
    }
}
