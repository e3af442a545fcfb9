package dev.fraudscore.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * Networks of the same shape side by side on the same input, one logit each. Serving, the output is the mean of
 * their logits ({@code [rows, 1]}). Training, it is every member's logit ({@code [rows, members]}), so that a loss
 * taken over all of them is the mean of the members' own losses: each member learns on its own, and none of them
 * learns to make up for the others, as they would if the loss saw only the mean.
 */
final class EnsembleBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    EnsembleBlock(List<Block> members) {
        super(VERSION);
        for (int i = 0; i < members.size(); i++) {
            addChildBlock("member" + i, members.get(i));
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList logits = new NDList(children.size());
        for (Block member : children.values()) {
            logits.add(member.forward(store, inputs, training, params).singletonOrThrow());
        }
        NDArray all = NDArrays.concat(logits, 1);
        return new NDList(training ? all : all.mean(new int[] {1}, true));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), 1)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block member : children.values()) {
            member.initialize(manager, dataType, inputShapes);
        }
    }
}
