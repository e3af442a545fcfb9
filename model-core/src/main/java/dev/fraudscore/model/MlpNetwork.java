package dev.fraudscore.model;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

/** Builds the network a manifest's {@link ModelManifest.Architecture} describes. */
public final class MlpNetwork {

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
}
