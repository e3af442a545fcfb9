package dev.fraudscore.predictservice.batching;

/** The model as the batcher sees it: one forward pass over the rows of a whole batch. */
@FunctionalInterface
public interface BatchScorer {

    /** One score per row, in row order. */
    float[] score(float[][] rows);
}
