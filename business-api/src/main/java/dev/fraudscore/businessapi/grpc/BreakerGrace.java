package dev.fraudscore.businessapi.grpc;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * For a while after the port opens, the circuit breakers count failures but do not open. Warm-ups run before the
 * port opens, yet the first seconds of real traffic still meet code the JIT has not compiled (the HTTP server, the
 * clients under concurrency), and a burst of missed deadlines then opened every breaker within half a second of a
 * restart under load and kept healthy downstreams out for seconds. Each breaker closed when the port opens moves to
 * Resilience4j's metrics-only state, and back to closed (its counts reset) when the grace ends; one already open, a
 * downstream really down, stays as it is.
 */
public final class BreakerGrace implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(BreakerGrace.class);

    private final Supplier<? extends Iterable<CircuitBreaker>> breakers;
    private final Duration grace;
    private final BiConsumer<Runnable, Duration> later;
    private final AtomicBoolean begun = new AtomicBoolean();

    /**
     * @param breakers every breaker, as the port opens
     * @param later    runs a task after a delay
     */
    public BreakerGrace(Supplier<? extends Iterable<CircuitBreaker>> breakers, Duration grace,
            BiConsumer<Runnable, Duration> later) {
        this.breakers = breakers;
        this.grace = grace;
        this.later = later;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        begin();
    }

    /** Once, however many web servers start. */
    void begin() {
        if (grace.isZero() || !begun.compareAndSet(false, true)) {
            return;
        }
        List<CircuitBreaker> held = new ArrayList<>();
        for (CircuitBreaker breaker : breakers.get()) {
            if (breaker.getState() == CircuitBreaker.State.CLOSED) {
                breaker.transitionToMetricsOnlyState();
                held.add(breaker);
            }
        }
        later.accept(() -> end(held), grace);
    }

    private void end(List<CircuitBreaker> held) {
        for (CircuitBreaker breaker : held) {
            if (breaker.getState() == CircuitBreaker.State.METRICS_ONLY) {
                breaker.transitionToClosedState();
            }
        }
        log.info("The circuit breakers judge again, {} ms after the port opened (fraudscore.api.breaker-grace)",
                grace.toMillis());
    }
}
