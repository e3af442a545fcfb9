package dev.fraudscore.predictservice.batching;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** One caller's rows waiting for a forward pass, and the future that gets exactly their scores. */
record QueuedRequest(float[][] rows, Instant deadline, Instant enqueuedAt, CompletableFuture<float[]> scores) {

    static QueuedRequest of(float[][] rows, Instant deadline, Instant enqueuedAt) {
        return new QueuedRequest(rows, deadline, enqueuedAt, new CompletableFuture<>());
    }

    int rowCount() {
        return rows.length;
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(deadline);
    }
}
