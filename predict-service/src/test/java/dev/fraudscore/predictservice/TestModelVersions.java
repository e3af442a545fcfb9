package dev.fraudscore.predictservice;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.fraudscore.model.MlpNetwork;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.model.ModelRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes real model versions with model-core, as the trainer does, but untrained: a seeded random
 * initialisation of the MLP is enough to check that the service serves exactly these weights.
 */
public final class TestModelVersions {

    private TestModelVersions() {
    }

    public static ModelManifest write(Path repository, String name, String version, int seed) {
        ModelManifest manifest = TestManifests.fraudV1(name, version);
        Path dir = repository.resolve(name).resolve(version);
        Engine.getInstance().setRandomSeed(seed);
        try (Model model = Model.newInstance(name, Device.cpu())) {
            model.setBlock(MlpNetwork.build(manifest.architecture()));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, TestManifests.WIDTH));
            Files.createDirectories(dir);
            model.save(dir, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test model " + name + "/" + version + " to " + dir, e);
        }
        new ModelRepository(repository).writeManifest(manifest);
        return manifest;
    }
}
