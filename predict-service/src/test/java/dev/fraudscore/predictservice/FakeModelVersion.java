package dev.fraudscore.predictservice;

import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.predictservice.domain.ModelVersion;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A served model with a fixed score per row, recording the batch sizes it was asked to score. */
public final class FakeModelVersion implements ModelVersion {

    private final ModelManifest manifest;
    private final float score;
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public FakeModelVersion(ModelManifest manifest, float score) {
        this.manifest = manifest;
        this.score = score;
    }

    @Override
    public ModelManifest manifest() {
        return manifest;
    }

    @Override
    public String device() {
        return "cpu()";
    }

    @Override
    public float[] score(float[][] rows) {
        batchSizes.add(rows.length);
        float[] scores = new float[rows.length];
        Arrays.fill(scores, score);
        return scores;
    }

    public List<Integer> batchSizes() {
        return batchSizes;
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
