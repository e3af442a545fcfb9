package dev.fraudscore.predictservice.batching;

import java.time.Duration;
import java.util.List;

/**
 * What the batcher reports, for metrics (the service feeds Prometheus histograms from it). Called on
 * the batcher's threads, sometimes under its lock: keep it quick and never throw.
 */
public interface BatchListener {

    BatchListener NONE = new BatchListener() {
    };

    /** A forward pass ran, whether it succeeded or not. */
    default void batchScored(BatchReport report) {
    }

    /** A request's deadline passed before it was scored; it was dropped. */
    default void expired(int rows, Duration queueWait) {
    }

    /** The queue was full; a request was refused. */
    default void refused(int rows) {
    }

    /**
     * @param rows          rows in the forward pass
     * @param requests      requests merged into it
     * @param queueWaits    for each request, from enqueue to the start of its batch
     * @param inferenceTime the forward pass, as the scorer took it
     * @param failed        the scorer threw or returned the wrong number of scores
     */
    record BatchReport(int rows, int requests, List<Duration> queueWaits, Duration inferenceTime, boolean failed) {

        public BatchReport {
            queueWaits = List.copyOf(queueWaits);
        }
    }
}
