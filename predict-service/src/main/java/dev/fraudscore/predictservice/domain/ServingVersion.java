package dev.fraudscore.predictservice.domain;

import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.predictservice.batching.DynamicBatcher;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A version in service: its model behind its own batch queue, and a count of the requests that hold it.
 * Retiring it stops new requests at once; the requests already holding it finish on it, and the last one
 * out frees the model's native memory.
 */
public final class ServingVersion {

    private final ModelVersion model;
    private final DynamicBatcher batcher;
    private final Runnable onClosed;
    private final AtomicInteger holders = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean retired;

    /** @param onClosed runs once, after the model is closed (the registry forgets the version then) */
    public ServingVersion(ModelVersion model, DynamicBatcher batcher, Runnable onClosed) {
        this.model = model;
        this.batcher = batcher;
        this.onClosed = onClosed;
    }

    public ModelManifest manifest() {
        return model.manifest();
    }

    public String version() {
        return model.manifest().version();
    }

    public String device() {
        return model.device();
    }

    /** Queued rows, for a gauge. */
    public int queuedRows() {
        return batcher.queuedRows();
    }

    /** Holds the version for one request; false once it is retired (route again). */
    boolean tryHold() {
        holders.incrementAndGet();
        if (retired) {
            release();
            return false;
        }
        return true;
    }

    void release() {
        if (holders.decrementAndGet() == 0 && retired) {
            closeOnce();
        }
    }

    /** Scores {@code rows} in this version's next forward pass; the caller holds the version. */
    CompletableFuture<float[]> submit(float[][] rows, Instant deadline) {
        return batcher.submit(rows, deadline);
    }

    /** As {@link #submit}, never on the calling thread: a shadow's pass is off the request path. */
    CompletableFuture<float[]> submitInBackground(float[][] rows, Instant deadline) {
        return batcher.submitInBackground(rows, deadline);
    }

    /** No new requests; the model is freed when the last request holding it has finished. */
    public void retire() {
        retired = true;
        if (holders.get() == 0) {
            closeOnce();
        }
    }

    public boolean isClosed() {
        return closed.get();
    }

    private void closeOnce() {
        if (closed.compareAndSet(false, true)) {
            batcher.close();
            model.close();
            onClosed.run();
        }
    }
}
