package dev.fraudscore.businessapi.grpc;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import dev.fraudscore.businessapi.pipeline.StepFailure;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One downstream behind its Resilience4j circuit breaker and time limiter. A call runs on the gRPC
 * future stub with a gRPC deadline of the call's budget; the time limiter (its configured timeout is the
 * downstream's own timeout) cancels the RPC if that deadline is somehow not honoured, and the breaker
 * stops calling a downstream that keeps failing.
 * <p>
 * A call whose budget the request's deadline cut below the downstream's own timeout, and that then
 * ran out of time, is not held against the downstream: the time was spent upstream, and counting it
 * would open a healthy downstream's breaker whenever another one is slow.
 */
public final class GuardedDownstream {

    private static final Logger log = LoggerFactory.getLogger(GuardedDownstream.class);
    // the caller's last line of defence if both the gRPC deadline and the time limiter missed
    private static final long WAIT_SLACK_MILLIS = 20;

    private final String name;
    private final CircuitBreaker breaker;
    private final TimeLimiter limiter;
    private final ScheduledExecutorService timers;

    public GuardedDownstream(String name, CircuitBreaker breaker, TimeLimiter limiter, ScheduledExecutorService timers) {
        this.name = name;
        this.breaker = breaker;
        this.limiter = limiter;
        this.timers = timers;
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
     * @param budget how long the call may take (already the smaller of {@link #timeout()} and the deadline)
     * @param rpc    starts the RPC with the given gRPC deadline
     * @throws StepFailure when no answer came
     */
    public <T> T call(Duration budget, Function<Duration, ListenableFuture<T>> rpc) {
        if (!breaker.tryAcquirePermission()) {
            throw GrpcFailures.of(name, CallNotPermittedException.createCallNotPermittedException(breaker));
        }
        long started = breaker.getCurrentTimestamp();
        AtomicReference<CompletableFuture<T>> call = new AtomicReference<>();
        CompletableFuture<T> answer = limiter.executeCompletionStage(timers, () -> {
            call.set(start(rpc, budget));
            return call.get();
        }).toCompletableFuture();
        try {
            T value = answer.get(budget.toMillis() + WAIT_SLACK_MILLIS, TimeUnit.MILLISECONDS);
            breaker.onSuccess(breaker.getCurrentTimestamp() - started, breaker.getTimestampUnit());
            return value;
        } catch (ExecutionException e) {
            throw failed(e.getCause(), started, budget);
        } catch (TimeoutException e) {
            abandon(call.get());
            throw failed(e, started, budget);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(call.get());
            breaker.releasePermission();
            throw GrpcFailures.unusable(name, "interrupted while waiting");
        }
    }

    private StepFailure failed(Throwable cause, long started, Duration budget) {
        StepFailure failure = GrpcFailures.of(name, cause);
        boolean cutByDeadline = budget.compareTo(timeout()) < 0;
        if (cutByDeadline && failure.kind() == StepFailure.Kind.TIMEOUT) {
            breaker.releasePermission();
        } else {
            breaker.onError(breaker.getCurrentTimestamp() - started, breaker.getTimestampUnit(), cause);
        }
        return failure;
    }

    private static <T> CompletableFuture<T> start(Function<Duration, ListenableFuture<T>> rpc, Duration budget) {
        ListenableFuture<T> call = rpc.apply(budget);
        CompletableFuture<T> result = new CompletableFuture<>();
        Futures.addCallback(call, new FutureCallback<>() {
            @Override
            public void onSuccess(T value) {
                result.complete(value);
            }

            @Override
            public void onFailure(Throwable t) {
                result.completeExceptionally(t);
            }
        }, MoreExecutors.directExecutor());
        // the time limiter fails (or cancels) this future on timeout: cancel the RPC too, freeing the server
        result.whenComplete((value, failure) -> {
            if (failure != null && !call.isDone()) {
                call.cancel(true);
            }
        });
        return result;
    }

    private static void abandon(CompletableFuture<?> call) {
        if (call != null) {
            call.cancel(true);
        }
    }
}
