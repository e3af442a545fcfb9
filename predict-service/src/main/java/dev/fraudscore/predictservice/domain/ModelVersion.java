package dev.fraudscore.predictservice.domain;

import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.predictservice.batching.BatchScorer;

/**
 * A model version that scores rows, in-process (DJL) or on a remote server, behind the same interface. Its batch
 * queue calls it with each batch's deadline ({@link BatchScorer#score(float[][], java.time.Instant)}), which only
 * a remote version uses.
 */
public interface ModelVersion extends BatchScorer, AutoCloseable {

    ModelManifest manifest();

    /** Where the model runs, as DJL names it: {@code cpu()} or {@code gpu(0)}. */
    String device();

    /** One fraud probability per row; the rows have already been checked against {@link #manifest()}. */
    @Override
    float[] score(float[][] rows);

    /** {@code name/version}, how logs and error sentences name the model. */
    default String ref() {
        return manifest().name() + "/" + manifest().version();
    }

    /** Frees the version's native memory. */
    @Override
    void close();
}
