package dev.fraudscore.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * Opens the rate limiter's shared Redis connection on a thread of its own, never on the event loop, and says whether
 * it is open.
 * <p>
 * The gateway's HTTP server and its Redis client share one event loop ({@code SharedEventLoopConfiguration}). Spring
 * Data Redis opens its shared connection the first time a command needs it, on the thread that asks, and waits for the
 * connect without a time limit; asked on the event loop, it would wait for the very thread that has to make the
 * connection, for ever. So the limiter asks this first ({@link CallerRateLimits} fails open while the answer is no),
 * and this opens the connection: as soon as it is built, and again at most once per {@code retry} while Redis does
 * not answer. Once open, the connection stays: Lettuce reconnects it by itself after an outage, without blocking.
 */
public final class RedisConnectionOpener implements BooleanSupplier, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisConnectionOpener.class);

    private final ReactiveRedisConnectionFactory redis;
    private final Duration retry;
    private final ExecutorService opener = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "redis-connect");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean open = new AtomicBoolean();
    private final AtomicBoolean opening = new AtomicBoolean();
    private volatile long nextAttemptNanos = System.nanoTime();

    /** Starts opening the connection. */
    public RedisConnectionOpener(ReactiveRedisConnectionFactory redis, Duration retry) {
        this.redis = redis;
        this.retry = retry;
        getAsBoolean();
    }

    /** Whether the connection is open; when it is not, starts opening it unless an attempt runs or failed lately. */
    @Override
    public boolean getAsBoolean() {
        if (open.get()) {
            return true;
        }
        if (System.nanoTime() - nextAttemptNanos >= 0 && opening.compareAndSet(false, true)) {
            opener.execute(this::open);
        }
        return false;
    }

    private void open() {
        try {
            redis.getReactiveConnection().close(); // the shared connection stays open
            open.set(true);
            log.info("The rate limiter's Redis connection is open");
        } catch (RuntimeException e) {
            nextAttemptNanos = System.nanoTime() + retry.toNanos();
            log.debug("Could not open the rate limiter's Redis connection; trying again in {}", retry, e);
        } finally {
            opening.set(false);
        }
    }

    @Override
    public void close() {
        opener.shutdownNow();
    }
}
