package dev.fraudscore.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The network a manifest's {@link ModelManifest.Architecture} describes, and how it turns rows into
 * fraud probabilities: the one scoring routine of the trainer's evaluation and of serving.
 */
public final class MlpNetwork {

    private MlpNetwork() {
    }

    public static Block build(ModelManifest.Architecture architecture) {
        if (!"mlp".equals(architecture.type())) {
            throw new InvalidModelException("unknown architecture type '" + architecture.type() + "'; this build knows 'mlp'");
        }
        if (architecture.memberCount() == 1) {
            return network(architecture);
        }
        List<Block> members = new ArrayList<>();
        for (int i = 0; i < architecture.memberCount(); i++) {
            members.add(network(architecture));
        }
        return new EnsembleBlock(members);
    }

    private static Block network(ModelManifest.Architecture architecture) {
        SequentialBlock block = new SequentialBlock();
        for (int width : architecture.hidden()) {
            block.add(Linear.builder().setUnits(width).build());
            block.add(Activation::relu);
            if (architecture.dropoutRate() > 0) {
                block.add(Dropout.builder().optRate(architecture.dropoutRate()).build());
            }
        }
        block.add(Linear.builder().setUnits(1).build());
        return block;
    }

    /** Fraud probabilities of {@code rows}: normalised, through the network, sigmoid of the logit. */
    public static float[] probabilities(Model model, ModelManifest.Normalization normalization, float[][] rows) {
        // not closed: the caller owns the model
        return new DjlBlockNetwork(model, normalization.width(), OutputTransform.SIGMOID).score(rows, normalization);
    }

    /** The MLP of a {@code djl-mlp} version: the block from the manifest, the weights from {@code dir}. */
    static ScoringNetwork load(Path dir, ModelManifest manifest, Device device) {
        Model model = Model.newInstance(manifest.name(), device);
        model.setBlock(build(manifest.architecture()));
        try {
            model.load(dir, LoadedModel.weightsPrefix(manifest.weights()));
            if (!model.getBlock().isInitialized()) {
                // DJL skips a parameter file that does not start with its magic number without a word
                throw new MalformedModelException(dir.resolve(manifest.weights()) + " is not a DJL parameter file");
            }
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new InvalidModelException("cannot load the weights of " + manifest.name() + "/" + manifest.version()
                    + ": " + e.getMessage(), e);
        }
        return new DjlBlockNetwork(model, manifest.networkWidth(), OutputTransform.SIGMOID);
    }

    /**
     * One PyTorch thread unless the JVM was told otherwise: this network's matrices are tiny, and OpenMP
     * workers spinning at every operation cost far more than they give on a small machine. Must run
     * before the engine starts.
     */
    public static void preferSingleThread() {
        for (String property : new String[] {"ai.djl.pytorch.num_threads", "ai.djl.pytorch.num_interop_threads"}) {
            if (System.getProperty(property) == null) {
                System.setProperty(property, "1");
            }
        }
    }
}
