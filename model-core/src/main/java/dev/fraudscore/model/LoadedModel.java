package dev.fraudscore.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model version loaded for scoring: normalises the rows as the manifest says, runs the network and
 * returns fraud probabilities, whatever the version's format (DJL MLP, TorchScript, TorchServe archive).
 * Safe for concurrent callers (each call has its own NDManager); {@link #close()} frees native memory.
 */
public final class LoadedModel implements AutoCloseable {

    private final ModelManifest manifest;
    private final ScoringNetwork network;

    private LoadedModel(ModelManifest manifest, ScoringNetwork network) {
        this.manifest = manifest;
        this.network = network;
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
        ScoringNetwork network = switch (manifest.modelFormat()) {
            case DJL_MLP -> MlpNetwork.load(dir, manifest, device);
            case TORCHSCRIPT -> TorchScriptNetwork.load(weights, weights.toString(), manifest, device);
            case TORCHSERVE_MAR -> TorchScriptNetwork.loadFromArchive(weights, manifest, device);
        };
        return new LoadedModel(manifest, network);
    }

    /** {@code fraud-mlp-0000.params} is loaded by DJL from the prefix {@code fraud-mlp}. */
    static String weightsPrefix(String weightsFile) {
        return weightsFile.replaceFirst("-\\d{4}\\.params$", "");
    }

    public ModelManifest manifest() {
        return manifest;
    }

    public Device device() {
        return network.device();
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
        return network.score(rows, manifest.normalization());
    }

    @Override
    public void close() {
        network.close();
    }
}
