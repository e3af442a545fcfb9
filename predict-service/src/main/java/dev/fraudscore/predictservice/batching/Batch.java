package dev.fraudscore.predictservice.batching;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Requests merged into one forward pass, in arrival order. */
record Batch(List<QueuedRequest> requests, int rowCount, Instant takenAt) {

    Batch {
        requests = List.copyOf(requests);
    }

    /** The rows of every request, in order; the row arrays are shared, not copied. */
    float[][] rows() {
        float[][] rows = new float[rowCount][];
        int offset = 0;
        for (QueuedRequest request : requests) {
            System.arraycopy(request.rows(), 0, rows, offset, request.rowCount());
            offset += request.rowCount();
        }
        return rows;
    }

    /** The latest deadline among the requests: until then, someone still waits for this batch's scores. */
    Instant deadline() {
        return requests.stream().map(QueuedRequest::deadline).max(Instant::compareTo).orElse(Instant.MAX);
    }

    /** Gives each request its own slice of {@code scores}; refuses scores that do not match the rows. */
    void complete(float[] scores, String model) {
        if (scores == null || scores.length != rowCount) {
            throw new IllegalStateException("the model " + model + " returned "
                    + (scores == null ? "no" : String.valueOf(scores.length)) + " scores for " + rowCount + " rows");
        }
        int offset = 0;
        for (QueuedRequest request : requests) {
            request.scores().complete(Arrays.copyOfRange(scores, offset, offset + request.rowCount()));
            offset += request.rowCount();
        }
    }

    void fail(Throwable cause) {
        requests.forEach(request -> request.scores().completeExceptionally(cause));
    }

    List<Duration> queueWaits() {
        return requests.stream().map(request -> Duration.between(request.enqueuedAt(), takenAt)).toList();
    }
}
