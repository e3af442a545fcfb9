package dev.fraudscore.support.readiness;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether a service can really serve: a set of named conditions (e.g. "warm-up", "model"), each ready or
 * not with a sentence saying why. The one source of both {@code grpc.health.v1} ({@link GrpcHealthPublisher}
 * sets NOT_SERVING until every condition is ready) and actuator readiness (this is a health indicator; put
 * it in the readiness group), so the two never disagree.
 */
public final class ReadinessGate implements HealthIndicator {

    private record Condition(boolean ready, String reason, Map<String, Object> details) {
    }

    private final Map<String, Condition> conditions = new LinkedHashMap<>();
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean ready;

    /** @param conditionsAndReasons pairs of condition name and the sentence saying why it is not ready yet */
    public ReadinessGate(String... conditionsAndReasons) {
        if (conditionsAndReasons.length == 0 || conditionsAndReasons.length % 2 != 0) {
            throw new IllegalArgumentException("give at least one condition, each with the reason it starts not ready");
        }
        for (int i = 0; i < conditionsAndReasons.length; i += 2) {
            conditions.put(conditionsAndReasons[i], new Condition(false, conditionsAndReasons[i + 1], Map.of()));
        }
    }

    public boolean isReady() {
        return ready;
    }

    /** Whether one condition is ready, whatever the others are. */
    public synchronized boolean isReady(String condition) {
        return known(condition).ready();
    }

    public void ready(String condition) {
        ready(condition, Map.of());
    }

    /** Marks the condition ready; {@code details} show in the health endpoint. */
    public void ready(String condition, Map<String, Object> details) {
        set(condition, new Condition(true, null, Map.copyOf(details)));
    }

    public void notReady(String condition, String reason) {
        set(condition, new Condition(false, reason, Map.of()));
    }

    /** Waits at most {@code timeout} until every condition is ready; whether they are. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return await(() -> ready, timeout);
    }

    /** Waits at most {@code timeout} until one condition is ready, whatever the others are; whether it is. */
    public boolean awaitReady(String condition, Duration timeout) throws InterruptedException {
        return await(() -> known(condition).ready(), timeout);
    }

    private synchronized boolean await(BooleanSupplier done, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Calls {@code listener} now with the readiness and again on every change, in order. */
    public synchronized void onChange(Consumer<Boolean> listener) {
        listeners.add(listener);
        listener.accept(ready);
    }

    @Override
    public synchronized Health health() {
        Health.Builder health = ready ? Health.up() : Health.outOfService();
        conditions.forEach((name, condition) -> {
            if (condition.ready()) {
                condition.details().forEach(health::withDetail);
            } else {
                health.withDetail(name, condition.reason());
            }
        });
        return health.build();
    }

    private Condition known(String name) {
        Condition condition = conditions.get(name);
        if (condition == null) {
            throw new IllegalArgumentException("no readiness condition '" + name + "'; known: " + conditions.keySet());
        }
        return condition;
    }

    private synchronized void set(String name, Condition condition) {
        known(name);
        conditions.put(name, condition);
        notifyAll();
        boolean now = conditions.values().stream().allMatch(Condition::ready);
        if (now != ready) {
            ready = now;
            listeners.forEach(listener -> listener.accept(now));
        }
    }
}
