package dev.fraudscore.model;

import ai.djl.Device;

/**
 * A network that maps rows, already normalised as the manifest says, to fraud probabilities: the DJL MLP
 * of the trainer, or a TorchScript module from PyTorch. Safe for concurrent callers.
 */
public interface ScoringNetwork extends AutoCloseable {

    /** Rows per forward pass when scoring many (an evaluation slice), to bound native memory. */
    int CHUNK = 4096;

    /** Probabilities of {@code count} rows given row-major in {@code flat} ({@code count * width} values). */
    float[] probabilities(float[] flat, int count);

    Device device();

    @Override
    void close();

    /**
     * Fraud probabilities of raw {@code rows}: normalised with {@code normalization} (none when it is null),
     * then through the network in chunks. The one scoring routine of the trainer's evaluation and of serving.
     */
    default float[] score(float[][] rows, ModelManifest.Normalization normalization) {
        float[] out = new float[rows.length];
        for (int from = 0; from < rows.length; from += CHUNK) {
            int to = Math.min(rows.length, from + CHUNK);
            float[] flat = normalization != null ? normalization.apply(rows, null, from, to) : flatten(rows, from, to);
            System.arraycopy(probabilities(flat, to - from), 0, out, from, to - from);
        }
        return out;
    }

    private static float[] flatten(float[][] rows, int from, int to) {
        int width = rows[from].length;
        float[] flat = new float[(to - from) * width];
        for (int r = from; r < to; r++) {
            if (rows[r].length != width) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values but row " + from
                        + " has " + width);
            }
            System.arraycopy(rows[r], 0, flat, (r - from) * width, width);
        }
        return flat;
    }
}
