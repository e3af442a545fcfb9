package dev.fraudscore.predictservice.batching;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The scheduling rules, with no thread and no clock of its own: the caller says what time it is. Not
 * thread-safe; {@link DynamicBatcher} guards it with its lock.
 *
 * <p>A batch is due when the queued rows reach the batch size or the oldest request has waited the
 * maximum delay. It takes requests from the head while they fit, so order is kept (FIFO) and a request
 * larger than the batch size runs alone. Expired requests are dropped before a batch is formed.
 */
final class BatchQueue {

    private final BatchingConfig config;
    private final String model;
    private final BatchListener listener;
    private final ArrayDeque<QueuedRequest> waiting = new ArrayDeque<>();
    private int queuedRows;

    BatchQueue(BatchingConfig config, String model, BatchListener listener) {
        this.config = config;
        this.model = model;
        this.listener = listener;
    }

    /**
     * Queues the request, or completes its future at once: expired, or the queue is full. A request
     * larger than the queue limit still enters an empty queue, so no request is refused for its size alone.
     *
     * @return whether it was queued
     */
    boolean offer(QueuedRequest request) {
        if (request.expiredAt(request.enqueuedAt())) {
            expire(request, request.enqueuedAt());
            return false;
        }
        int rows = request.rowCount();
        if (!waiting.isEmpty() && queuedRows + rows > config.maxQueuedRows()) {
            request.scores().completeExceptionally(
                    BatchingException.queueFull(model, queuedRows, config.maxQueuedRows(), rows));
            listener.refused(rows);
            return false;
        }
        waiting.addLast(request);
        queuedRows += rows;
        return true;
    }

    /** The next batch if it is due at {@code now}, after dropping the requests that can no longer be answered. */
    Optional<Batch> takeReady(Instant now) {
        dropExpired(now);
        Optional<Instant> due = nextDueAt();
        if (due.isEmpty() || now.isBefore(due.get())) {
            return Optional.empty();
        }
        List<QueuedRequest> taken = new ArrayList<>();
        int rows = 0;
        do {
            QueuedRequest next = waiting.removeFirst();
            taken.add(next);
            rows += next.rowCount();
        } while (!waiting.isEmpty() && rows + waiting.peekFirst().rowCount() <= config.maxBatchSize());
        queuedRows -= rows;
        return Optional.of(new Batch(taken, rows, now));
    }

    /** When the next batch is due (in the past once enough rows wait), or empty when nothing waits. */
    Optional<Instant> nextDueAt() {
        QueuedRequest oldest = waiting.peekFirst();
        if (oldest == null) {
            return Optional.empty();
        }
        return Optional.of(queuedRows >= config.maxBatchSize()
                ? oldest.enqueuedAt()
                : oldest.enqueuedAt().plus(config.maxQueueDelay()));
    }

    /** Completes every queued request with {@code reason} and empties the queue. */
    void failAll(BatchingException reason) {
        waiting.forEach(request -> request.scores().completeExceptionally(reason));
        waiting.clear();
        queuedRows = 0;
    }

    int queuedRows() {
        return queuedRows;
    }

    int queuedRequests() {
        return waiting.size();
    }

    private void dropExpired(Instant now) {
        Iterator<QueuedRequest> requests = waiting.iterator();
        while (requests.hasNext()) {
            QueuedRequest request = requests.next();
            // a future already done was cancelled by its caller: nobody waits for its scores
            boolean cancelled = request.scores().isDone();
            if (cancelled || request.expiredAt(now)) {
                requests.remove();
                queuedRows -= request.rowCount();
                if (!cancelled) {
                    expire(request, now);
                }
            }
        }
    }

    private void expire(QueuedRequest request, Instant now) {
        Duration waited = Duration.between(request.enqueuedAt(), now);
        request.scores().completeExceptionally(BatchingException.deadlinePassed(model, waited));
        listener.expired(request.rowCount(), waited);
    }
}
