package dev.fraudscore.predictservice.batching;

import java.time.Instant;

/** The model as the batcher sees it: one forward pass over the rows of a whole batch. */
@FunctionalInterface
public interface BatchScorer {

    /** One score per row, in row order. */
    float[] score(float[][] rows);

    /**
     * The same pass for a batch that is of use to nobody after {@code deadline}: the latest deadline among its
     * requests ({@link Instant#MAX} when one of them has none), read from the batcher's clock. A scorer that can
     * be cut short (a call to a remote server) stops there; an in-process pass ignores it.
     */
    default float[] score(float[][] rows, Instant deadline) {
        return score(rows);
    }

    /**
     * Whether a pass is short work in this process (a local model's forward pass), which the batcher may run on the
     * submitting thread when nothing else is queued or being scored; not a call to another server.
     */
    default boolean inProcess() {
        return false;
    }
}
