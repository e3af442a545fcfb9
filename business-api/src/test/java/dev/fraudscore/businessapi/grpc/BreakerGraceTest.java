package dev.fraudscore.businessapi.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BreakerGraceTest {

    private final CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50).build());
    private final CircuitBreaker predict = registry.circuitBreaker("predict");
    private final List<Runnable> scheduled = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();

    private BreakerGrace grace(Duration grace) {
        return new BreakerGrace(registry::getAllCircuitBreakers, grace, (task, delay) -> {
            scheduled.add(task);
            delays.add(delay);
        });
    }

    private static void fail(CircuitBreaker breaker, int times) {
        for (int i = 0; i < times; i++) {
            breaker.onError(1, TimeUnit.MILLISECONDS, new IllegalStateException("deadline exceeded"));
        }
    }

    @Test
    void missedDeadlinesJustAfterThePortOpensOpenNoBreaker() {
        grace(Duration.ofSeconds(5)).begin();
        fail(predict, 20);

        assertThat(predict.getState()).isEqualTo(CircuitBreaker.State.METRICS_ONLY);
        assertThat(predict.tryAcquirePermission()).as("calls still go through").isTrue();
        assertThat(delays).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void afterTheGraceTheBreakerJudgesAgainFromAFreshCount() {
        grace(Duration.ofSeconds(5)).begin();
        fail(predict, 20);

        scheduled.forEach(Runnable::run);

        assertThat(predict.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(predict.getMetrics().getNumberOfFailedCalls()).isZero();
        fail(predict, 5);
        assertThat(predict.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void aBreakerAlreadyOpenWhenThePortOpensStaysOpen() {
        CircuitBreaker features = registry.circuitBreaker("features");
        fail(features, 5);

        grace(Duration.ofSeconds(5)).begin();

        assertThat(features.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(predict.getState()).isEqualTo(CircuitBreaker.State.METRICS_ONLY);
    }

    @Test
    void noGraceLeavesTheBreakersAlone() {
        grace(Duration.ZERO).begin();
        fail(predict, 5);

        assertThat(predict.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(scheduled).isEmpty();
    }

    @Test
    void theGraceBeginsOnceHoweverManyWebServersStart() {
        BreakerGrace grace = grace(Duration.ofSeconds(5));
        grace.begin();
        scheduled.forEach(Runnable::run);
        grace.begin();

        assertThat(predict.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(scheduled).hasSize(1);
    }
}
