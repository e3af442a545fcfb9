package dev.fraudscore.featureservice.readiness;

import dev.fraudscore.support.readiness.ReadinessGate;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Keeps the gate's "feature store" condition true to Redis: a PING every period. Without a feature store
 * there are no features, so grpc.health.v1 and actuator readiness both say so within a period.
 */
public final class FeatureStoreProbe implements AutoCloseable {

    public static final String CONDITION = "feature store";

    private final StringRedisTemplate redis;
    private final ReadinessGate gate;
    private final String store;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "feature-store-probe");
        thread.setDaemon(true);
        return thread;
    });

    /** @param store where the store is, in words, e.g. {@code Redis at localhost:6379} */
    public FeatureStoreProbe(StringRedisTemplate redis, ReadinessGate gate, String store, Duration period) {
        this.redis = redis;
        this.gate = gate;
        this.store = store;
        timer.scheduleWithFixedDelay(this::probe, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void probe() {
        try {
            redis.execute(connection -> connection.ping(), true);
            gate.ready(CONDITION);
        } catch (RuntimeException e) {
            gate.notReady(CONDITION, "the feature store (" + store + ") does not answer: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
