package dev.fraudscore.predictservice.model;

import dev.fraudscore.model.LoadedModel;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.predictservice.domain.ModelVersion;

/** A model version run in-process by DJL (PyTorch), one forward pass per call. */
public final class DjlModelVersion implements ModelVersion {

    private final LoadedModel model;

    public DjlModelVersion(LoadedModel model) {
        this.model = model;
    }

    @Override
    public ModelManifest manifest() {
        return model.manifest();
    }

    @Override
    public String device() {
        return model.device().toString();
    }

    @Override
    public float[] score(float[][] rows) {
        return model.score(rows);
    }

    /** A forward pass here, tens of microseconds on the CPU: the batcher may run it on the caller's thread. */
    @Override
    public boolean inProcess() {
        return true;
    }

    @Override
    public void close() {
        model.close();
    }
}
