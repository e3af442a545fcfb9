package dev.fraudscore.predictservice.domain;

import dev.fraudscore.model.ModelManifest;

/** A model version that scores rows: in-process (DJL) today, remote later, behind the same interface. */
public interface ModelVersion extends AutoCloseable {

    ModelManifest manifest();

    /** Where the model runs, as DJL names it: {@code cpu()} or {@code gpu(0)}. */
    String device();

    /** One fraud probability per row; the rows have already been checked against {@link #manifest()}. */
    float[] score(float[][] rows);

    /** {@code name/version}, how logs and error sentences name the model. */
    default String ref() {
        return manifest().name() + "/" + manifest().version();
    }

    /** Frees the version's native memory. */
    @Override
    void close();
}
