package dev.fraudscore.embedded.ports;

import dev.fraudscore.businessapi.pipeline.StepFailure;
import dev.fraudscore.domain.DomainException;
import dev.fraudscore.support.concurrent.FutureFailures;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

/**
 * The one place where what an in-process step threw becomes a pipeline {@link StepFailure}: the same kinds the
 * gRPC adapters give for the same refusals, so the spine answers alike in both deployments.
 */
final class InProcessFailures {

    private InProcessFailures() {
    }

    static StepFailure of(String step, Throwable failure) {
        Throwable t = FutureFailures.cause(failure);
        if (t instanceof TimeoutException || t instanceof CancellationException) {
            return new StepFailure(step, StepFailure.Kind.TIMEOUT, "timed out", t);
        }
        if (t instanceof DomainException refused) {
            return new StepFailure(step, kindOf(refused.kind()), refused.getMessage(), refused);
        }
        return new StepFailure(step, StepFailure.Kind.BROKEN, String.valueOf(t), t);
    }

    private static StepFailure.Kind kindOf(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> StepFailure.Kind.REFUSED_INPUT;
            case NOT_FOUND, MISMATCH -> StepFailure.Kind.STALE;
            case UNAVAILABLE -> StepFailure.Kind.UNAVAILABLE;
            case OVERLOADED -> StepFailure.Kind.OVERLOADED;
            case TOO_LATE -> StepFailure.Kind.TIMEOUT;
        };
    }
}
