package dev.fraudscore.businessapi.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.SettableFuture;
import dev.fraudscore.businessapi.pipeline.StepFailure;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.event.TimeLimiterEvent;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The guard with futures the test completes by hand (no channel, no socket). A call that never answers
 * holds its caller for its budget and the slack, a few tens of milliseconds here.
 */
class GuardedDownstreamTest {

    private final CircuitBreaker breaker = CircuitBreaker.of("features", CircuitBreakerConfig.custom()
            .slidingWindowSize(2).minimumNumberOfCalls(2).failureRateThreshold(50)
            .recordException(new DownstreamFailurePredicate()).build());
    private final TimeLimiter limiter =
            TimeLimiter.of("features", TimeLimiterConfig.custom().timeoutDuration(Duration.ofMillis(100)).build());
    private final GuardedDownstream guard = new GuardedDownstream("features", breaker, limiter);
    private final List<TimeLimiterEvent.Type> limiterEvents = new CopyOnWriteArrayList<>();

    @BeforeEach
    void recordLimiterEvents() {
        limiter.getEventPublisher().onEvent(event -> limiterEvents.add(event.getEventType()));
    }

    @Test
    void passesTheBudgetAsTheDeadlineAndReturnsTheAnswer() {
        AtomicReference<Duration> deadline = new AtomicReference<>();

        CompletableFuture<String> answer = guard.call(Duration.ofMillis(70), d -> {
            deadline.set(d);
            return Futures.immediateFuture("vector");
        }, reply -> reply + " read");

        assertThat(answer).isCompletedWithValue("vector read");
        assertThat(deadline.get()).isEqualTo(Duration.ofMillis(70));
        assertThat(guard.timeout()).isEqualTo(Duration.ofMillis(100));
        assertThat(limiterEvents).containsExactly(TimeLimiterEvent.Type.SUCCESS);
    }

    @Test
    void nothingWaitsForTheAnswerWhichCompletesTheCallWhereItArrives() {
        SettableFuture<String> reply = SettableFuture.create();

        CompletableFuture<String> answer = guard.call(Duration.ofMillis(70), d -> reply, Function.identity());

        assertThat(answer).isNotDone();
        reply.set("vector");
        assertThat(answer).isCompletedWithValue("vector");
    }

    @Test
    void anAnswerThatCannotBeUsedFailsTheStep() {
        CompletableFuture<String> answer = guard.call(Duration.ofMillis(70), d -> Futures.immediateFuture("two rows"),
                reply -> {
                    throw GrpcFailures.unusable("features", "answered " + reply);
                });

        assertThat(failure(answer).kind()).isEqualTo(StepFailure.Kind.BROKEN);
        assertThat(failure(answer).sentence()).contains("answered two rows");
    }

    @Test
    void aDeadlinePassedWithinTheWholeBudgetCounts() {
        CompletableFuture<String> answer = guard.call(Duration.ofMillis(100),
                d -> Futures.immediateFailedFuture(Status.DEADLINE_EXCEEDED.asRuntimeException()), Function.identity());

        assertThat(failure(answer).kind()).isEqualTo(StepFailure.Kind.TIMEOUT);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
        assertThat(limiterEvents).as("the deadline passing counts as the limiter's timeout")
                .containsExactly(TimeLimiterEvent.Type.TIMEOUT);
    }

    @Test
    void aTimeoutWithinABudgetTheDeadlineCutIsNotHeldAgainstTheDownstream() {
        CompletableFuture<String> answer = guard.call(Duration.ofMillis(30),
                d -> Futures.immediateFailedFuture(Status.DEADLINE_EXCEEDED.asRuntimeException()), Function.identity());

        assertThat(failure(answer).kind()).isEqualTo(StepFailure.Kind.TIMEOUT);
        assertThat(breaker.getMetrics().getNumberOfBufferedCalls()).isZero();
    }

    @Test
    void failuresOpenTheBreakerAndThenCallsAreNotAttempted() {
        for (int i = 0; i < 2; i++) {
            StepFailure failure = failure(guard.call(Duration.ofMillis(50),
                    d -> Futures.immediateFailedFuture(Status.UNAVAILABLE.withDescription("down").asRuntimeException()),
                    Function.identity()));
            assertThat(failure.kind()).isEqualTo(StepFailure.Kind.UNAVAILABLE);
            assertThat(failure.sentence()).isEqualTo("down");
        }
        AtomicInteger calls = new AtomicInteger();

        CompletableFuture<String> refused = guard.call(Duration.ofMillis(50), d -> {
            calls.incrementAndGet();
            return Futures.immediateFuture("x");
        }, Function.identity());

        assertThat(failure(refused).kind()).isEqualTo(StepFailure.Kind.BREAKER_OPEN);
        assertThat(calls).hasValue(0);
        assertThat(limiterEvents).containsExactly(TimeLimiterEvent.Type.ERROR, TimeLimiterEvent.Type.ERROR);
    }

    @Test
    void refusalsOfABadRequestDoNotOpenTheBreaker() {
        for (int i = 0; i < 4; i++) {
            assertThat(failure(guard.call(Duration.ofMillis(50),
                    d -> Futures.immediateFailedFuture(Status.INVALID_ARGUMENT.asRuntimeException()),
                    Function.identity())).kind()).isEqualTo(StepFailure.Kind.REFUSED_INPUT);
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aCallerThatWaitsGetsTheStepFailureItself() {
        assertThatThrownBy(() -> guard.callAndWait(Duration.ofMillis(50),
                d -> Futures.immediateFailedFuture(Status.UNAVAILABLE.withDescription("down").asRuntimeException())))
                .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.kind()).isEqualTo(StepFailure.Kind.UNAVAILABLE));
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

    private static StepFailure failure(CompletableFuture<?> call) {
        assertThat(call).isCompletedExceptionally();
        Throwable cause = catchThrowable(call::join).getCause();
        assertThat(cause).isInstanceOf(StepFailure.class);
        return (StepFailure) cause;
    }
}
