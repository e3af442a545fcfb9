package dev.fraudscore.businessapi.grpc;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import dev.fraudscore.businessapi.pipeline.StepFailure;
import dev.fraudscore.support.concurrent.FutureFailures;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One downstream behind its Resilience4j circuit breaker, with the timeout its time limiter configures
 * ({@code resilience4j.timelimiter.instances.<name>.timeout-duration}). A call runs on the gRPC future stub
 * with a gRPC deadline of the call's budget, which gRPC enforces on its own timer; nobody waits on a thread for
 * the answer, which completes the call's future where it is read. The breaker stops calling a downstream that keeps
 * failing.
 * <p>
 * The time limiter is not asked to run the call: the gRPC deadline already ends it, and the limiter's own
 * timeout, scheduled and cancelled on a timer thread for every call, cost a thread wake-up per call
 * (README "CPU budget"). Its events (and so its metrics) still come from here: success, error, or a
 * timeout when the deadline passed.
 * <p>
 * A call whose budget the request's deadline cut below the downstream's own timeout, and that then
 * ran out of time, is not held against the downstream: the time was spent upstream, and counting it
 * would open a healthy downstream's breaker whenever another one is slow.
 */
public final class GuardedDownstream {

    private static final Logger log = LoggerFactory.getLogger(GuardedDownstream.class);

    private final String name;
    private final CircuitBreaker breaker;
    private final TimeLimiter limiter;

    public GuardedDownstream(String name, CircuitBreaker breaker, TimeLimiter limiter) {
        this.name = name;
        this.breaker = breaker;
        this.limiter = limiter;
        breaker.getEventPublisher().onStateTransition(event ->
                log.warn("Circuit breaker of {} went {}", name, event.getStateTransition()));
    }

    public String name() {
        return name;
    }

    /** The downstream's own timeout (the time limiter's {@code timeout-duration}). */
    public Duration timeout() {
        return limiter.getTimeLimiterConfig().getTimeoutDuration();
    }

    /**
     * Starts the call; the answer completes the future on the thread that reads it (the channel's event loop).
     *
     * @param budget how long the call may take (already the smaller of {@link #timeout()} and the deadline)
     * @param rpc    starts the RPC with the given gRPC deadline
     * @param answer what the answer means; its {@link StepFailure} fails the step as the call's own would
     * @return completes with a {@link StepFailure} when no usable answer came
     */
    public <R, T> CompletableFuture<T> call(Duration budget, Function<Duration, ListenableFuture<R>> rpc,
            Function<R, T> answer) {
        if (!breaker.tryAcquirePermission()) {
            return CompletableFuture.failedFuture(
                    GrpcFailures.of(name, CallNotPermittedException.createCallNotPermittedException(breaker)));
        }
        long started = breaker.getCurrentTimestamp();
        CompletableFuture<T> result = new CompletableFuture<>();
        Futures.addCallback(rpc.apply(budget), new FutureCallback<R>() {
            @Override
            public void onSuccess(R reply) {
                limiter.onSuccess();
                breaker.onSuccess(breaker.getCurrentTimestamp() - started, breaker.getTimestampUnit());
                try {
                    result.complete(answer.apply(reply));
                } catch (RuntimeException unusable) {
                    result.completeExceptionally(unusable);
                }
            }

            @Override
            public void onFailure(Throwable cause) {
                result.completeExceptionally(failed(FutureFailures.cause(cause), started, budget));
            }
        }, MoreExecutors.directExecutor());
        return result;
    }

    /**
     * {@link #call} for a caller that waits on its own thread (the feedback path; scoring never waits).
     *
     * @throws StepFailure when no answer came
     */
    public <T> T callAndWait(Duration budget, Function<Duration, ListenableFuture<T>> rpc) {
        try {
            return call(budget, rpc, Function.identity()).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof StepFailure failure ? failure : e;
        }
    }

    private StepFailure failed(Throwable cause, long started, Duration budget) {
        StepFailure failure = GrpcFailures.of(name, cause);
        // the deadline's DEADLINE_EXCEEDED counts as the limiter's timeout, as its own timer's would
        limiter.onError(failure.kind() == StepFailure.Kind.TIMEOUT ? new TimeoutException(failure.sentence()) : cause);
        boolean cutByDeadline = budget.compareTo(timeout()) < 0;
        if (cutByDeadline && failure.kind() == StepFailure.Kind.TIMEOUT) {
            breaker.releasePermission();
        } else {
            breaker.onError(breaker.getCurrentTimestamp() - started, breaker.getTimestampUnit(), cause);
        }
        return failure;
    }
}
