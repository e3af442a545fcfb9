package dev.fraudscore.businessapi.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.businessapi.pipeline.StepFailure;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.grpc.Status;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class DownstreamFailurePredicateTest {

    private final DownstreamFailurePredicate predicate = new DownstreamFailurePredicate();

    @Test
    void outagesCountAgainstTheBreaker() {
        assertThat(predicate.test(Status.UNAVAILABLE.asRuntimeException())).isTrue();
        assertThat(predicate.test(Status.DEADLINE_EXCEEDED.asRuntimeException())).isTrue();
        assertThat(predicate.test(Status.RESOURCE_EXHAUSTED.asRuntimeException())).isTrue();
        assertThat(predicate.test(Status.INTERNAL.asRuntimeException())).isTrue();
        assertThat(predicate.test(new TimeoutException("slow"))).isTrue();
        assertThat(predicate.test(new CompletionException(Status.UNAVAILABLE.asException()))).isTrue();
        assertThat(predicate.test(new IllegalStateException("boom"))).isTrue();
    }

    @Test
    void refusalsOfABadRequestDoNot() {
        assertThat(predicate.test(Status.INVALID_ARGUMENT.withDescription("bad").asRuntimeException())).isFalse();
        assertThat(predicate.test(Status.FAILED_PRECONDITION.asRuntimeException())).isFalse();
        assertThat(predicate.test(new CompletionException(Status.NOT_FOUND.asException()))).isFalse();
    }

    @Test
    void failuresAreClassified() {
        StepFailure invalid = GrpcFailures.of("features",
                new CompletionException(Status.INVALID_ARGUMENT.withDescription("card_key must not be empty").asRuntimeException()));
        assertThat(invalid.kind()).isEqualTo(StepFailure.Kind.REFUSED_INPUT);
        assertThat(invalid.sentence()).isEqualTo("card_key must not be empty");
        assertThat(invalid.step()).isEqualTo("features");

        assertThat(GrpcFailures.of("predict", new TimeoutException()).kind()).isEqualTo(StepFailure.Kind.TIMEOUT);
        assertThat(GrpcFailures.of("predict", CallNotPermittedException.createCallNotPermittedException(
                CircuitBreaker.ofDefaults("predict"))).kind()).isEqualTo(StepFailure.Kind.BREAKER_OPEN);
    }
}
