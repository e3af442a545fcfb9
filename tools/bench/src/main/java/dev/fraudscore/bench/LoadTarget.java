package dev.fraudscore.bench;

import java.util.concurrent.CompletionStage;

/**
 * What an open-loop load sends to: the public port, a front, or one internal service over gRPC. {@link #send}
 * must not block; the answer completes the stage later, on any thread.
 */
interface LoadTarget extends AutoCloseable {

    /** In words, for the report ("POST http://127.0.0.1:8080/fraud-score"). */
    String describe();

    /** Sends request {@code n} (a new transaction each time). A failure may also complete the stage exceptionally. */
    CompletionStage<Outcome> send(long n);

    @Override
    void close();

    /**
     * How one request ended.
     *
     * @param kind   "answered", "degraded", or the failure ("http 503", "UNAVAILABLE", "timeout")
     * @param failed whether it counts as an error (a degraded answer is an answer)
     */
    record Outcome(String kind, boolean failed) {

        static final Outcome ANSWERED = new Outcome("answered", false);
        static final Outcome DEGRADED = new Outcome("degraded", false);

        static Outcome failure(String kind) {
            return new Outcome(kind, true);
        }
    }
}
