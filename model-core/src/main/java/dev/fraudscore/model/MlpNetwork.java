package dev.fraudscore.model;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

/**
 * The network a manifest's {@link ModelManifest.Architecture} describes, and how it turns rows into
 * fraud probabilities: the one scoring routine of the trainer's evaluation and of serving.
 */
public final class MlpNetwork {

    /** Rows per forward pass when scoring many (an evaluation slice), to bound native memory. */
    private static final int CHUNK = 4096;

    private MlpNetwork() {
    }

    public static Block build(ModelManifest.Architecture architecture) {
        if (!"mlp".equals(architecture.type())) {
            throw new InvalidModelException("unknown architecture type '" + architecture.type() + "'; this build knows 'mlp'");
        }
        SequentialBlock block = new SequentialBlock();
        for (int width : architecture.hidden()) {
            block.add(Linear.builder().setUnits(width).build());
            block.add(Activation::relu);
        }
        block.add(Linear.builder().setUnits(1).build());
        return block;
    }

    /** Fraud probabilities of {@code rows}: normalised, through the network, sigmoid of the logit. */
    public static float[] probabilities(Model model, ModelManifest.Normalization normalization, float[][] rows) {
        int width = normalization.mean().length;
        float[] out = new float[rows.length];
        for (int from = 0; from < rows.length; from += CHUNK) {
            int to = Math.min(rows.length, from + CHUNK);
            try (NDManager manager = model.getNDManager().newSubManager()) {
                NDArray input = manager.create(normalization.apply(rows, null, from, to), new Shape(to - from, width));
                NDList logits = model.getBlock().forward(new ParameterStore(manager, false), new NDList(input), false);
                float[] p = Activation.sigmoid(logits.singletonOrThrow()).reshape(to - from).toFloatArray();
                System.arraycopy(p, 0, out, from, p.length);
            }
        }
        return out;
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
