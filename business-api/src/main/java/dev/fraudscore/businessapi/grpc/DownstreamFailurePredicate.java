package dev.fraudscore.businessapi.grpc;

import dev.fraudscore.support.concurrent.FutureFailures;
import io.grpc.Status;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which failures count against a downstream's circuit breaker (set as
 * {@code resilience4j.circuitbreaker.configs.default.record-failure-predicate}). A downstream that
 * refuses a bad request is healthy, so those status codes do not count; timeouts, UNAVAILABLE,
 * RESOURCE_EXHAUSTED, INTERNAL and everything else do.
 */
public final class DownstreamFailurePredicate implements Predicate<Throwable> {

    private static final Set<Status.Code> CALLER_ERRORS = EnumSet.of(Status.Code.INVALID_ARGUMENT,
            Status.Code.NOT_FOUND, Status.Code.FAILED_PRECONDITION, Status.Code.OUT_OF_RANGE);

    @Override
    public boolean test(Throwable failure) {
        Throwable t = FutureFailures.cause(failure);
        Status status = Status.fromThrowable(t);
        boolean isGrpcStatus = !(status.getCode() == Status.Code.UNKNOWN && status.getCause() == t);
        return !(isGrpcStatus && CALLER_ERRORS.contains(status.getCode()));
    }
}
