package dev.fraudscore.businessapi.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.SettableFuture;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The guard with futures the test completes by hand (no channel, no socket). */
class GuardedDownstreamTest {

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
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
    void aSpentBudgetSkipsTheCallAndLeavesTheBreakerAlone() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> guard.call(Duration.ofMillis(1), d -> {
            calls.incrementAndGet();
            return Futures.immediateFuture("x");
        })).isInstanceOfSatisfying(DownstreamFailure.class,
                f -> assertThat(f.kind()).isEqualTo(DownstreamFailure.Kind.BUDGET_SPENT));
        assertThat(calls).hasValue(0);
        assertThat(breaker.getMetrics().getNumberOfBufferedCalls()).isZero();
    }

    @Test
    void aCallThatNeverAnswersTimesOutAndIsCancelled() {
        SettableFuture<String> never = SettableFuture.create();

        assertThatThrownBy(() -> guard.call(Duration.ofSeconds(5), d -> never))
                .isInstanceOfSatisfying(DownstreamFailure.class,
                        f -> assertThat(f.kind()).isEqualTo(DownstreamFailure.Kind.TIMEOUT));
        // the RPC is cancelled on the timer thread, just after the caller got its answer
        await().atMost(Duration.ofSeconds(2)).until(never::isCancelled);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }

    @Test
    void aTimeoutWithinABudgetTheDeadlineCutIsNotHeldAgainstTheDownstream() {
        SettableFuture<String> never = SettableFuture.create();

        assertThatThrownBy(() -> guard.call(Duration.ofMillis(30), d -> never))
                .isInstanceOfSatisfying(DownstreamFailure.class,
                        f -> assertThat(f.kind()).isEqualTo(DownstreamFailure.Kind.TIMEOUT));
        assertThat(never.isCancelled()).isTrue();
        assertThat(breaker.getMetrics().getNumberOfBufferedCalls()).isZero();
    }

    @Test
    void failuresOpenTheBreakerAndThenCallsAreNotAttempted() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> guard.call(Duration.ofMillis(50),
                    d -> Futures.immediateFailedFuture(Status.UNAVAILABLE.asRuntimeException())))
                    .isInstanceOfSatisfying(DownstreamFailure.class, f -> assertThat(f.is(Status.Code.UNAVAILABLE)).isTrue());
        }
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> guard.call(Duration.ofMillis(50), d -> {
            calls.incrementAndGet();
            return Futures.immediateFuture("x");
        })).isInstanceOfSatisfying(DownstreamFailure.class,
                f -> assertThat(f.kind()).isEqualTo(DownstreamFailure.Kind.BREAKER_OPEN));
        assertThat(calls).hasValue(0);
    }

    @Test
    void refusalsOfABadRequestDoNotOpenTheBreaker() {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> guard.call(Duration.ofMillis(50),
                    d -> Futures.immediateFailedFuture(Status.INVALID_ARGUMENT.asRuntimeException())))
                    .isInstanceOf(DownstreamFailure.class);
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
