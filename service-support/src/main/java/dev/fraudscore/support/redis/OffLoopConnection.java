package dev.fraudscore.support.redis;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Redis client's shared connection, opened on a thread of its own and kept.
 * <p>
 * Where the Redis client shares its Netty event loop with a server (service-support's {@code SharedEventLoop}),
 * nothing on that loop may wait for a connect: Spring Data Redis opens its shared connection on the first thread that
 * needs it and waits for the connect, which needs the very loop that thread blocks, so it never finishes. This opens
 * it on a {@code redis-connect} thread instead, at the first {@link #get}, and hands out the result: at once when
 * open, else the opening under way or its failure. A failed opening is tried again by a {@code get} once
 * {@code retry} has passed. Once open it stays: Lettuce reconnects it in place after an outage, without blocking.
 *
 * @param <T> what the opening gives, e.g. the connection's async commands
 */
public final class OffLoopConnection<T> {

    private static final Logger log = LoggerFactory.getLogger(OffLoopConnection.class);

    private final String what;
    private final Supplier<T> open;
    private final Duration retry;
    private final AtomicReference<CompletableFuture<T>> current = new AtomicReference<>();
    private volatile long retryAtNanos = System.nanoTime();

    /**
     * @param what  the connection, as a log line names it, e.g. {@code the rate limiter's Redis connection}
     * @param open  opens it (may block); runs on the connecting thread only
     * @param retry how long after a failed opening the next may start ({@link Duration#ZERO}: at the next call)
     */
    public OffLoopConnection(String what, Supplier<T> open, Duration retry) {
        this.what = what;
        this.open = open;
        this.retry = retry;
    }

    /** The connection: complete when open, otherwise the opening under way (started now if due) or its failure. */
    public CompletableFuture<T> get() {
        CompletableFuture<T> known = current.get();
        if (known != null && (!known.isCompletedExceptionally() || System.nanoTime() - retryAtNanos < 0)) {
            return known;
        }
        CompletableFuture<T> opening = new CompletableFuture<>();
        if (!current.compareAndSet(known, opening)) {
            return current.get();
        }
        Thread connecting = new Thread(() -> {
            try {
                opening.complete(open.get());
                log.info("{} is open", what);
            } catch (RuntimeException e) {
                retryAtNanos = System.nanoTime() + retry.toNanos();
                log.debug("Could not open {}; trying again after {}", what, retry, e);
                opening.completeExceptionally(e);
            }
        }, "redis-connect");
        connecting.setDaemon(true);
        connecting.start();
        return opening;
    }

    /** Whether it is open now; when not, starts opening it if due, without waiting. */
    public boolean isOpen() {
        CompletableFuture<T> connection = get();
        return connection.isDone() && !connection.isCompletedExceptionally();
    }
}
