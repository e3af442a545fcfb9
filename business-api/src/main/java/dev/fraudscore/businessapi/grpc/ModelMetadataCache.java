package dev.fraudscore.businessapi.grpc;

import dev.fraudscore.contracts.predict.v1.ModelMetadata;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The served model's metadata (which model, which feature set with which fingerprint), refreshed in the
 * background: every {@code refreshEvery} once known, every {@code retryEvery} while unknown, and soon
 * after predict-service says the request's feature set is not the model's. A failed refresh keeps the
 * last known value; a request never waits for a refresh.
 */
public final class ModelMetadataCache implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModelMetadataCache.class);
    private static final Duration MIN_GAP = Duration.ofMillis(250);

    private final PredictClient predict;
    private final Duration refreshEvery;
    private final Duration retryEvery;
    private final Duration timeout;
    private final ScheduledExecutorService executor;
    private final AtomicReference<ModelMetadata> current = new AtomicReference<>();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private final AtomicBoolean lastAttemptFailed = new AtomicBoolean();
    private final CopyOnWriteArrayList<Consumer<ModelMetadata>> firstKnownListeners = new CopyOnWriteArrayList<>();
    private volatile long lastAttemptNanos = System.nanoTime() - MIN_GAP.toNanos();

    public ModelMetadataCache(PredictClient predict, Duration refreshEvery, Duration retryEvery, Duration timeout) {
        this.predict = predict;
        this.refreshEvery = refreshEvery;
        this.retryEvery = retryEvery;
        this.timeout = timeout;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "model-metadata-refresh");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the background refresh, the first one at once. */
    public void start() {
        schedule(Duration.ZERO);
    }

    /** Runs {@code listener} on the refresh thread once, when the metadata is first read. */
    public void onFirstKnown(Consumer<ModelMetadata> listener) {
        firstKnownListeners.add(listener);
    }

    /** The last known metadata; empty until predict-service has answered once. */
    public Optional<ModelMetadata> current() {
        return Optional.ofNullable(current.get());
    }

    /**
     * Asks for a refresh on the background thread; several asks before it runs make one refresh, and
     * refreshes are at least {@link #MIN_GAP} apart so that a flood of requests cannot hammer predict-service.
     */
    public void refreshSoon() {
        if (refreshQueued.compareAndSet(false, true)) {
            long sinceLast = System.nanoTime() - lastAttemptNanos;
            long delay = Math.max(0, MIN_GAP.toNanos() - sinceLast);
            try {
                executor.schedule(() -> {
                    refreshQueued.set(false);
                    refresh();
                }, delay, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closed) {
                refreshQueued.set(false);
            }
        }
    }

    private void scheduledRefresh() {
        refresh();
        schedule(current.get() == null ? retryEvery : refreshEvery);
    }

    private void schedule(Duration delay) {
        try {
            executor.schedule(this::scheduledRefresh, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // closing: no more refreshes
        }
    }

    private void refresh() {
        lastAttemptNanos = System.nanoTime();
        try {
            ModelMetadata fresh = predict.metadata(timeout);
            ModelMetadata previous = current.getAndSet(fresh);
            lastAttemptFailed.set(false);
            if (previous == null) {
                firstKnownListeners.forEach(listener -> listener.accept(fresh));
            }
            if (previous == null || !previous.getModel().equals(fresh.getModel())
                    || !previous.getFeatureSet().equals(fresh.getFeatureSet())) {
                log.info("Serving model {} {} with feature set {}_v{} (fingerprint {})", fresh.getModel().getName(),
                        fresh.getModel().getVersion(), fresh.getFeatureSet().getName(), fresh.getFeatureSet().getVersion(),
                        fresh.getFeatureSet().getFingerprint());
            }
        } catch (RuntimeException e) {
            // warn once per outage, not at every retry
            if (lastAttemptFailed.compareAndSet(false, true)) {
                log.warn("Could not read the model metadata from predict-service ({}); {}", e.getMessage(),
                        current.get() == null ? "the model counts as unavailable until it answers" : "keeping the last known one");
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
