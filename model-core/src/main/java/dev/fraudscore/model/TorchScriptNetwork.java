package dev.fraudscore.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A TorchScript module saved by {@code torch.jit.save}, run by DJL's PyTorch engine. The architecture
 * comes from the file; what is checked at load is that the module takes an [n, inputs] float tensor and
 * returns one score per row.
 */
final class TorchScriptNetwork {

    static final String ENGINE = "PyTorch";
    /** Rows of the probe forward pass at load: more than one, so a module that ignores the batch is caught. */
    private static final int PROBE_ROWS = 2;

    private TorchScriptNetwork() {
    }

    /**
     * Loads {@code file} onto {@code device}. {@code described} names the file in sentences (the archive
     * and the entry for a {@code .mar}), since {@code file} may be a temporary copy.
     */
    static ScoringNetwork load(Path file, String described, ModelManifest manifest, Device device) {
        Model model = Model.newInstance(manifest.name(), device, ENGINE);
        try {
            // mapLocation: a module saved on a GPU machine still loads onto this device
            model.load(file, null, Map.of("mapLocation", "true"));
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new InvalidModelException("cannot load the TorchScript module " + described + " of "
                    + manifest.name() + "/" + manifest.version() + ": " + reason(e)
                    + " (a TorchScript module is what torch.jit.save writes; torch.save of a state_dict is not one)", e);
        }
        int width = manifest.networkWidth();
        ScoringNetwork network = new DjlBlockNetwork(model, width, manifest.transform());
        try {
            // also switches the module to inference mode once, before concurrent callers arrive
            network.probabilities(new float[PROBE_ROWS * width], PROBE_ROWS);
        } catch (RuntimeException e) {
            network.close();
            throw new InvalidModelException("the TorchScript module " + described + " of " + manifest.name() + "/"
                    + manifest.version() + " does not score a (" + PROBE_ROWS + ", " + width + ") float input into one"
                    + " score per row: " + reason(e), e);
        }
        return network;
    }

    /**
     * Loads the TorchScript file a TorchServe archive names, after checking the archive. DJL loads from a
     * file, so the entry is copied to a temporary file that is deleted once loaded.
     */
    static ScoringNetwork loadFromArchive(Path archive, ModelManifest manifest, Device device) {
        try (MarArchive mar = MarArchive.open(archive)) {
            mar.requireAgreesWith(manifest);
            Path tmp = Files.createTempDirectory("fraudscore-mar-");
            Path module = tmp.resolve("module.pt");
            try {
                mar.extractSerializedFile(module);
                return load(module, mar.describeSerializedFile(), manifest, device);
            } finally {
                Files.deleteIfExists(module);
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new InvalidModelException("cannot unpack the model archive " + archive + " into a temporary folder: "
                    + e.getMessage(), e);
        }
    }

    /**
     * PyTorch's messages carry a TorchScript traceback and end with the error itself (e.g. {@code RuntimeError:
     * mat1 and mat2 shapes cannot be multiplied}); the sentence needs only that last line.
     */
    static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String[] lines = message.strip().split("\\R");
        return lines[lines.length - 1].strip();
    }
}
