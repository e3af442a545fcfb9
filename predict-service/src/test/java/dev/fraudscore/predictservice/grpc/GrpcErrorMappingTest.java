package dev.fraudscore.predictservice.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.predictservice.domain.PredictionException;
import io.grpc.Status;
import org.junit.jupiter.api.Test;

class GrpcErrorMappingTest {

    @Test
    void mapsEachRefusalToItsStatusWithTheSentence() {
        assertThat(GrpcErrorMapping.toStatus(PredictionException.unavailable("the model is still loading")))
                .satisfies(s -> assertThat(s.getCode()).isEqualTo(Status.Code.UNAVAILABLE))
                .satisfies(s -> assertThat(s.getDescription()).isEqualTo("the model is still loading"));
        assertThat(GrpcErrorMapping.toStatus(PredictionException.mismatch("trained on fraud_v1")).getCode())
                .isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(GrpcErrorMapping.toStatus(PredictionException.invalid("row 0 has 3 values")).getCode())
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void keepsAStatusThrownOnPurpose() {
        Status status = GrpcErrorMapping.toStatus(Status.DEADLINE_EXCEEDED.withDescription("late").asRuntimeException());
        assertThat(status.getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
        assertThat(status.getDescription()).isEqualTo("late");
    }

    @Test
    void hidesTheDetailsOfAnUnexpectedFailure() {
        Status status = GrpcErrorMapping.toStatus(new IllegalStateException("NDArray at 0x7f3a closed"));
        assertThat(status.getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(status.getDescription()).isEqualTo(GrpcErrorMapping.INTERNAL_SENTENCE).doesNotContain("NDArray");
        assertThat(status.getCause()).isNull();
    }
}
