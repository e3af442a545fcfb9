package dev.fraudscore.predictservice.batching;

import java.time.Duration;
import java.util.Locale;

/**
 * A request the batcher did not score, with a sentence the caller can act on. Expected under load, so
 * it carries no stack trace.
 */
public final class BatchingException extends RuntimeException {

    /** Why; the gRPC layer maps each kind to one status code. */
    public enum Kind {
        /** The bounded queue is full (RESOURCE_EXHAUSTED). */
        QUEUE_FULL,
        /** The deadline passed before the forward pass; the request was dropped (DEADLINE_EXCEEDED). */
        DEADLINE_PASSED,
        /** The model version is being unloaded or the service is stopping (UNAVAILABLE). */
        SHUTTING_DOWN
    }

    private final Kind kind;

    private BatchingException(Kind kind, String sentence) {
        super(sentence, null, false, false);
        this.kind = kind;
    }

    static BatchingException queueFull(String model, int queuedRows, int limit, int requestRows) {
        String state = queuedRows >= limit
                ? queuedRows + " rows, its limit"
                : queuedRows + " rows; " + requestRows + " more would pass its limit of " + limit;
        return new BatchingException(Kind.QUEUE_FULL, "predict-service's batch queue for " + model + " holds "
                + state + "; retry later or add capacity");
    }

    static BatchingException deadlinePassed(String model, Duration queueWait) {
        return new BatchingException(Kind.DEADLINE_PASSED, String.format(Locale.ROOT,
                "the deadline of this request passed after %.1f ms in predict-service's batch queue for %s;"
                        + " it was dropped before scoring", queueWait.toNanos() / 1e6, model));
    }

    static BatchingException shuttingDown(String model) {
        return new BatchingException(Kind.SHUTTING_DOWN, "predict-service is unloading " + model
                + " or shutting down; the request was not scored; retry");
    }

    public Kind kind() {
        return kind;
    }
}
