package dev.fraudscore.businessapi.grpc;

import dev.fraudscore.businessapi.domain.ModelId;
import dev.fraudscore.businessapi.pipeline.ModelCatalog;
import dev.fraudscore.businessapi.pipeline.ServedModel;
import dev.fraudscore.contracts.predict.v1.GetModelMetadataResponse;
import dev.fraudscore.support.proto.DomainProtos;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * {@link ModelCatalog} from predict-service's GetModelMetadata, refreshed in the background: every
 * {@code refreshEvery} once known, every {@code retryEvery} while unknown, and soon after a step says our
 * picture is stale. A failed refresh keeps the last known value; a request never waits for a refresh.
 */
public final class ModelMetadataCache implements ModelCatalog, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModelMetadataCache.class);
    private static final Duration MIN_GAP = Duration.ofMillis(250);

    private final PredictClient predict;
    private final Duration refreshEvery;
    private final Duration retryEvery;
    private final Duration timeout;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final AtomicReference<ServedModel> current = new AtomicReference<>();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private final AtomicBoolean lastAttemptFailed = new AtomicBoolean();
    private final CopyOnWriteArrayList<Consumer<ServedModel>> firstKnownListeners = new CopyOnWriteArrayList<>();
    private volatile Instant lastAttempt;

    public ModelMetadataCache(PredictClient predict, Duration refreshEvery, Duration retryEvery, Duration timeout,
            Clock clock) {
        this.predict = predict;
        this.refreshEvery = refreshEvery;
        this.retryEvery = retryEvery;
        this.timeout = timeout;
        this.clock = clock;
        this.lastAttempt = clock.instant().minus(MIN_GAP);
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

    /** Runs {@code listener} on the refresh thread once, when the model is first known. */
    public void onFirstKnown(Consumer<ServedModel> listener) {
        firstKnownListeners.add(listener);
    }

    @Override
    public Optional<ServedModel> current() {
        return Optional.ofNullable(current.get());
    }

    /** Several asks before it runs make one refresh; refreshes are at least {@link #MIN_GAP} apart. */
    @Override
    public void refreshSoon() {
        if (refreshQueued.compareAndSet(false, true)) {
            Duration sinceLast = Duration.between(lastAttempt, clock.instant());
            long delay = Math.max(0, MIN_GAP.minus(sinceLast).toMillis());
            try {
                executor.schedule(() -> {
                    refreshQueued.set(false);
                    refresh();
                }, delay, TimeUnit.MILLISECONDS);
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
        lastAttempt = clock.instant();
        try {
            ServedModel fresh = served(predict.metadata(timeout));
            ServedModel previous = current.getAndSet(fresh);
            lastAttemptFailed.set(false);
            if (previous == null) {
                firstKnownListeners.forEach(listener -> listener.accept(fresh));
            }
            if (!fresh.equals(previous)) {
                log.info("Serving model {}/{} with feature set {}", fresh.model().name(), fresh.model().version(),
                        fresh.featureSet().describe());
            }
        } catch (RuntimeException e) {
            // warn once per outage, not at every retry
            if (lastAttemptFailed.compareAndSet(false, true)) {
                log.warn("Could not read the model metadata from predict-service ({}); {}", e.getMessage(),
                        current.get() == null ? "the model counts as unavailable until it answers" : "keeping the last known one");
            }
        }
    }

    private static ServedModel served(GetModelMetadataResponse metadata) {
        return new ServedModel(new ModelId(metadata.getModel().getName(), metadata.getModel().getVersion()),
                DomainProtos.featureSet(metadata.getFeatureSet()), metadata.getInputsCount());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
