package dev.fraudscore.businessapi.grpc;

import dev.fraudscore.businessapi.pipeline.StepFailure;
import dev.fraudscore.support.concurrent.FutureFailures;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.grpc.Status;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

/** The one place where what a gRPC call threw becomes a pipeline {@link StepFailure}. */
final class GrpcFailures {

    private GrpcFailures() {
    }

    static StepFailure of(String step, Throwable failure) {
        Throwable t = FutureFailures.cause(failure);
        if (t instanceof CallNotPermittedException) {
            return new StepFailure(step, StepFailure.Kind.BREAKER_OPEN, "circuit breaker is open", t);
        }
        if (t instanceof TimeoutException || t instanceof CancellationException) {
            return new StepFailure(step, StepFailure.Kind.TIMEOUT, "timed out", t);
        }
        Status status = Status.fromThrowable(t);
        if (status.getCode() == Status.Code.UNKNOWN && status.getCause() == t) {
            return new StepFailure(step, StepFailure.Kind.BROKEN, String.valueOf(t), t);
        }
        String sentence = status.getDescription() == null || status.getDescription().isBlank()
                ? status.getCode().name() : status.getDescription();
        return new StepFailure(step, kindOf(status.getCode()), sentence, t);
    }

    static StepFailure unusable(String step, String why) {
        return new StepFailure(step, StepFailure.Kind.BROKEN, why, null);
    }

    private static StepFailure.Kind kindOf(Status.Code code) {
        return switch (code) {
            case DEADLINE_EXCEEDED, CANCELLED -> StepFailure.Kind.TIMEOUT;
            case INVALID_ARGUMENT, OUT_OF_RANGE -> StepFailure.Kind.REFUSED_INPUT;
            case FAILED_PRECONDITION, NOT_FOUND -> StepFailure.Kind.STALE;
            case UNAVAILABLE -> StepFailure.Kind.UNAVAILABLE;
            case RESOURCE_EXHAUSTED -> StepFailure.Kind.OVERLOADED;
            default -> StepFailure.Kind.BROKEN;
        };
    }
}
