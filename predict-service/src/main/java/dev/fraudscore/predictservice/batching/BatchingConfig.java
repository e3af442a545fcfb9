package dev.fraudscore.predictservice.batching;

import java.time.Duration;

/**
 * How one model version's requests are merged into forward passes.
 *
 * @param maxBatchSize  rows in one forward pass; a batch closes when it is reached (a single request
 *                      with more rows runs alone, never split). 1 turns merging off.
 * @param maxQueueDelay how long the oldest queued request may wait for others to join its batch. Zero
 *                      still merges what queued up while the model was busy, without ever waiting.
 * @param maxQueuedRows rows that may wait; past it a request is refused at once (RESOURCE_EXHAUSTED)
 */
public record BatchingConfig(int maxBatchSize, Duration maxQueueDelay, int maxQueuedRows) {

    /** A real-time scorer never holds a request this long to fill a batch; longer is a typo. */
    public static final Duration LONGEST_QUEUE_DELAY = Duration.ofSeconds(1);

    public BatchingConfig {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("the maximum batch size must be at least 1 row, not " + maxBatchSize);
        }
        if (maxQueueDelay == null || maxQueueDelay.isNegative() || maxQueueDelay.compareTo(LONGEST_QUEUE_DELAY) > 0) {
            throw new IllegalArgumentException("the maximum queue delay must be between 0 and "
                    + LONGEST_QUEUE_DELAY.toMillis() + " ms (e.g. 2ms), not " + maxQueueDelay);
        }
        if (maxQueuedRows < maxBatchSize) {
            throw new IllegalArgumentException("the batch queue must hold at least one full batch of " + maxBatchSize
                    + " rows, not " + maxQueuedRows + "; raise the queue limit or lower the batch size");
        }
    }

    /** The starting point for a CPU model; see {@link DynamicBatcher} for why, to be confirmed by the benchmark. */
    public static BatchingConfig cpuDefaults() {
        return new BatchingConfig(32, Duration.ZERO, 512);
    }
}
