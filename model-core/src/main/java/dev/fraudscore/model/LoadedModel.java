package dev.fraudscore.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model version loaded for scoring: normalises the rows as the manifest says, runs the network and
 * returns fraud probabilities. Safe for concurrent callers (each call has its own NDManager).
 */
public final class LoadedModel implements AutoCloseable {

    private final ModelManifest manifest;
    private final Model model;

    private LoadedModel(ModelManifest manifest, Model model) {
        this.manifest = manifest;
        this.model = model;
    }

    /** The GPU when DJL sees one, else the CPU. */
    public static Device preferredDevice() {
        return Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    public static LoadedModel load(ModelRepository repository, String name, String version, Device device) {
        ModelManifest manifest = repository.readManifest(name, version);
        Path dir = repository.versionDir(name, version);
        Path weights = dir.resolve(manifest.weights());
        if (!Files.isRegularFile(weights)) {
            throw new InvalidModelException("the weights file " + weights + " named by the manifest of "
                    + name + "/" + version + " does not exist");
        }
        Model model = Model.newInstance(name, device);
        model.setBlock(MlpNetwork.build(manifest.architecture()));
        try {
            model.load(dir, weightsPrefix(manifest.weights()));
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new InvalidModelException("cannot load the weights of " + name + "/" + version + ": " + e.getMessage(), e);
        }
        return new LoadedModel(manifest, model);
    }

    /** {@code fraud-mlp-0000.params} is loaded by DJL from the prefix {@code fraud-mlp}. */
    static String weightsPrefix(String weightsFile) {
        return weightsFile.replaceFirst("-\\d{4}\\.params$", "");
    }

    public ModelManifest manifest() {
        return manifest;
    }

    public Device device() {
        return model.getNDManager().getDevice();
    }

    public int inputSize() {
        return manifest.inputs().size();
    }

    /** Fraud probabilities for {@code rows} (each of {@link #inputSize()} values). */
    public float[] score(float[][] rows) {
        int width = inputSize();
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != width) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values but the model "
                        + manifest.name() + "/" + manifest.version() + " takes " + width);
            }
        }
        return MlpNetwork.probabilities(model, manifest.normalization(), rows);
    }

    @Override
    public void close() {
        model.close();
    }
}
