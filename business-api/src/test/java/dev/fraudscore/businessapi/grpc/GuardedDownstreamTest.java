package dev.fraudscore.businessapi.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.SettableFuture;
import dev.fraudscore.businessapi.pipeline.StepFailure;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The guard with futures the test completes by hand (no channel, no socket). The time limiter's timer
 * is one where every timeout is already due, so a call that never answers times out at once: no test
 * waits for real time to pass.
 */
class GuardedDownstreamTest {

    private final TimeIsUp timers = new TimeIsUp();
    private final CircuitBreaker breaker = CircuitBreaker.of("features", CircuitBreakerConfig.custom()
            .slidingWindowSize(2).minimumNumberOfCalls(2).failureRateThreshold(50)
            .recordException(new DownstreamFailurePredicate()).build());
    private final GuardedDownstream guard = new GuardedDownstream("features", breaker,
            TimeLimiter.of("features", TimeLimiterConfig.custom().timeoutDuration(Duration.ofMillis(100)).build()), timers);

    @AfterEach
    void stopTimers() {
        timers.shutdownNow();
    }

    @Test
    void passesTheBudgetAsTheDeadlineAndReturnsTheAnswer() {
        AtomicReference<Duration> deadline = new AtomicReference<>();

        String answer = guard.call(Duration.ofMillis(70), d -> {
            deadline.set(d);
            return Futures.immediateFuture("vector");
        });

        assertThat(answer).isEqualTo("vector");
        assertThat(deadline.get()).isEqualTo(Duration.ofMillis(70));
        assertThat(guard.timeout()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aCallThatNeverAnswersTimesOutIsCancelledAndCounts() {
        SettableFuture<String> never = SettableFuture.create();

        assertThatThrownBy(() -> guard.call(Duration.ofMillis(100), d -> never))
                .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.kind()).isEqualTo(StepFailure.Kind.TIMEOUT));
        // the RPC is cancelled on the timer thread, just after the caller got its answer
        await().atMost(Duration.ofSeconds(2)).until(never::isCancelled);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }

    @Test
    void aTimeoutWithinABudgetTheDeadlineCutIsNotHeldAgainstTheDownstream() {
        SettableFuture<String> never = SettableFuture.create();

        assertThatThrownBy(() -> guard.call(Duration.ofMillis(30), d -> never))
                .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.kind()).isEqualTo(StepFailure.Kind.TIMEOUT));
        await().atMost(Duration.ofSeconds(2)).until(never::isCancelled);
        assertThat(breaker.getMetrics().getNumberOfBufferedCalls()).isZero();
    }

    @Test
    void failuresOpenTheBreakerAndThenCallsAreNotAttempted() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> guard.call(Duration.ofMillis(50),
                    d -> Futures.immediateFailedFuture(Status.UNAVAILABLE.withDescription("down").asRuntimeException())))
                    .isInstanceOfSatisfying(StepFailure.class, f -> {
                        assertThat(f.kind()).isEqualTo(StepFailure.Kind.UNAVAILABLE);
                        assertThat(f.sentence()).isEqualTo("down");
                    });
        }
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> guard.call(Duration.ofMillis(50), d -> {
            calls.incrementAndGet();
            return Futures.immediateFuture("x");
        })).isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.kind()).isEqualTo(StepFailure.Kind.BREAKER_OPEN));
        assertThat(calls).hasValue(0);
    }

    @Test
    void refusalsOfABadRequestDoNotOpenTheBreaker() {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> guard.call(Duration.ofMillis(50),
                    d -> Futures.immediateFailedFuture(Status.INVALID_ARGUMENT.asRuntimeException())))
                    .isInstanceOfSatisfying(StepFailure.class,
                            f -> assertThat(f.kind()).isEqualTo(StepFailure.Kind.REFUSED_INPUT));
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void eachStatusMeansOneKindOfFailure() {
        assertThat(GrpcFailures.of("model", Status.FAILED_PRECONDITION.asRuntimeException()).kind())
                .isEqualTo(StepFailure.Kind.STALE);
        assertThat(GrpcFailures.of("model", Status.NOT_FOUND.asRuntimeException()).kind()).isEqualTo(StepFailure.Kind.STALE);
        assertThat(GrpcFailures.of("model", Status.RESOURCE_EXHAUSTED.asRuntimeException()).kind())
                .as("predict-service's full batch queue").isEqualTo(StepFailure.Kind.OVERLOADED);
        assertThat(GrpcFailures.of("model", Status.UNAVAILABLE.asRuntimeException()).kind())
                .isEqualTo(StepFailure.Kind.UNAVAILABLE);
        assertThat(GrpcFailures.of("model", Status.DEADLINE_EXCEEDED.asRuntimeException()).kind())
                .isEqualTo(StepFailure.Kind.TIMEOUT);
        assertThat(GrpcFailures.of("model", Status.INTERNAL.asRuntimeException()).kind()).isEqualTo(StepFailure.Kind.BROKEN);
        assertThat(GrpcFailures.of("model", new IllegalStateException("bug")).kind()).isEqualTo(StepFailure.Kind.BROKEN);
    }

    /** A timer on which every delay has already passed: scheduled work runs at once. */
    private static final class TimeIsUp extends ScheduledThreadPoolExecutor {

        TimeIsUp() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            return super.schedule(command, 0, unit);
        }

        @Override
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            return super.schedule(callable, 0, unit);
        }
    }
}
