package dev.fraudscore.predictservice.batching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges concurrent requests for one model version into forward passes, as DJL Serving's {@code wlm}
 * does: one worker thread, a bounded queue, one future per request. It knows nothing of the transport.
 *
 * <p>Futures complete on the thread that scores the batch; keep continuations short (or use the {@code *Async}
 * forms), since the next batch waits for them. Requests are always queued, even with a batch size of 1: the
 * queue bound (RESOURCE_EXHAUSTED under overload) and the dropping of late requests then hold in every
 * mode, and the model runs one forward pass at a time.
 *
 * <p><b>Scoring on the caller's thread.</b> With no delay and an {@linkplain BatchScorer#inProcess in-process}
 * model, a request that finds nothing queued and no pass running is the whole next batch, the one the worker would
 * take at once; {@link #submit} then scores it on the submitting thread (a gRPC transport thread), which saves
 * waking the worker and handing the answer back to the transport. Requests that arrive meanwhile queue for the
 * worker, which takes them as soon as that pass ends, so under load batches still merge as before. A delay, a
 * remote model or {@link #submitInBackground} (a shadow version's rows, off the request path) always go through the
 * worker.
 *
 * <p>Defaults, measured by {@code ./fraudscore bench-predict} ({@link BatchingConfig#cpuDefaults()}): on CPU, a
 * batch size of 32, no delay and 512 queued rows. The MLP's cost per call (JNI, tensor set-up) dwarfs its cost
 * per row, so 32 rows cost little more than one; a delay of 0 still merges what queued while the model was
 * busy, and a 1 ms delay measured no better at saturation but added about 1.2 ms at low load; it is small against the
 * single-digit-ms p99 goal; 512 rows is about 16 batches, more than can be served within a typical
 * deadline, so a longer queue would only hold answers that arrive too late. A delay of 0 still merges
 * the requests that queued while the model was busy and adds no wait at low load: the choice when the
 * benchmark shows the delay costs more than it saves. On a GPU, larger batches (128+) and 2-5 ms.
 */
public final class DynamicBatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DynamicBatcher.class);

    private final String model;
    private final BatchScorer scorer;
    private final Clock clock;
    private final BatchListener listener;
    private final BatchQueue queue;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread worker;
    private final boolean mayScoreInCaller;
    private boolean closed;
    /** A pass is running, on the worker or on a caller's thread: at most one at a time. */
    private boolean scoring;

    private DynamicBatcher(String model, BatchingConfig config, BatchScorer scorer, Clock clock,
                           BatchListener listener) {
        this.model = model;
        this.scorer = scorer;
        this.clock = clock;
        this.listener = listener;
        this.queue = new BatchQueue(config, model, listener);
        this.worker = new Thread(this::work, "batcher " + model);
        this.mayScoreInCaller = config.maxQueueDelay().isZero() && scorer.inProcess();
        worker.setDaemon(true);
    }

    /**
     * Starts the worker of one model version.
     *
     * @param model  {@code name/version}, as error sentences name it
     * @param clock  time for delays and deadlines; a {@link MonotonicClock} in production
     */
    public static DynamicBatcher start(String model, BatchingConfig config, BatchScorer scorer, Clock clock,
                                       BatchListener listener) {
        DynamicBatcher batcher = new DynamicBatcher(Objects.requireNonNull(model), Objects.requireNonNull(config),
                Objects.requireNonNull(scorer), Objects.requireNonNull(clock), Objects.requireNonNull(listener));
        batcher.worker.start();
        return batcher;
    }

    /**
     * Queues {@code rows} for scoring, or scores them on this thread when the batcher is idle (see the class
     * comment). Never throws: a refusal (queue full, deadline already passed, closed) comes back as a future already
     * failed with a {@link BatchingException}.
     *
     * @param deadline read from this batcher's clock; {@link Instant#MAX} when the call has none
     */
    public CompletableFuture<float[]> submit(float[][] rows, Instant deadline) {
        return submit(rows, deadline, mayScoreInCaller);
    }

    /** As {@link #submit}, but always scored by the worker: for rows off the request path. */
    public CompletableFuture<float[]> submitInBackground(float[][] rows, Instant deadline) {
        return submit(rows, deadline, false);
    }

    private CompletableFuture<float[]> submit(float[][] rows, Instant deadline, boolean mayScoreHere) {
        Objects.requireNonNull(rows);
        Objects.requireNonNull(deadline);
        QueuedRequest request;
        Optional<Batch> here = Optional.empty();
        lock.lock();
        try {
            request = QueuedRequest.of(rows, deadline, clock.instant());
            boolean idle = !scoring && queue.queuedRequests() == 0;
            if (closed) {
                request.scores().completeExceptionally(BatchingException.shuttingDown(model));
            } else if (queue.offer(request)) {
                if (mayScoreHere && idle) {
                    here = queue.takeReady(request.enqueuedAt());
                    scoring = here.isPresent();
                }
                if (here.isEmpty()) {
                    changed.signal();
                }
            }
        } finally {
            lock.unlock();
        }
        here.ifPresent(this::runPass);
        return request.scores();
    }

    /** Rows waiting now, for a queue-depth gauge. */
    public int queuedRows() {
        lock.lock();
        try {
            return queue.queuedRows();
        } finally {
            lock.unlock();
        }
    }

    /** Fails the queued requests as shutting down, lets the batch in flight finish, and stops the worker. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                queue.failAll(BatchingException.shuttingDown(model));
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (Thread.currentThread() != worker) {
            awaitWorker();
        }
    }

    private void work() {
        for (Optional<Batch> batch = nextBatch(); batch.isPresent(); batch = nextBatch()) {
            runPass(batch.get());
        }
    }

    /** Scores a batch taken with {@code scoring} set, on whichever thread took it, then lets the next pass run. */
    private void runPass(Batch batch) {
        try {
            run(batch);
        } catch (RuntimeException e) {
            log.warn("the batch listener of {} failed; batching goes on", model, e);
        } finally {
            lock.lock();
            try {
                scoring = false;
                if (queue.queuedRequests() > 0) {
                    changed.signal();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Waits until a batch is due and no pass runs, or the batcher closes (then empty). */
    private Optional<Batch> nextBatch() {
        lock.lock();
        try {
            while (!closed) {
                Instant now = clock.instant();
                Optional<Batch> ready = scoring ? Optional.empty() : queue.takeReady(now);
                if (ready.isPresent()) {
                    scoring = true;
                    return ready;
                }
                Optional<Instant> due = queue.nextDueAt();
                if (scoring || due.isEmpty()) {
                    changed.await();
                } else {
                    changed.awaitNanos(nanosUntil(now, due.get()));
                }
            }
        } catch (InterruptedException e) {
            // nobody but close() should stop the worker; if something does, refuse rather than leave requests hanging
            closed = true;
            queue.failAll(BatchingException.shuttingDown(model));
        } finally {
            lock.unlock();
        }
        return Optional.empty();
    }

    private void run(Batch batch) {
        Instant start = clock.instant();
        Instant scored = null;
        boolean failed = false;
        try {
            float[] scores = scorer.score(batch.rows(), batch.deadline());
            // the forward pass ends here: completing the futures runs the callers' continuations on this thread
            scored = clock.instant();
            batch.complete(scores, model);
        } catch (Throwable failure) {
            // the worker must outlive any one batch; each caller gets the cause
            batch.fail(failure);
            failed = true;
        }
        listener.batchScored(new BatchListener.BatchReport(batch.rowCount(), batch.requests().size(),
                batch.queueWaits(), Duration.between(start, scored != null ? scored : clock.instant()), failed));
    }

    private static long nanosUntil(Instant now, Instant due) {
        Duration wait = Duration.between(now, due);
        return wait.compareTo(BatchingConfig.LONGEST_QUEUE_DELAY) > 0
                ? BatchingConfig.LONGEST_QUEUE_DELAY.toNanos()
                : wait.toNanos();
    }

    private void awaitWorker() {
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
