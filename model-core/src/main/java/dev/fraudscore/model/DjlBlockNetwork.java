package dev.fraudscore.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * A DJL model's block run forward in inference mode: the MLP built from the manifest or a TorchScript
 * module loaded by the PyTorch engine. Each call has its own NDManager, so concurrent calls are safe.
 */
final class DjlBlockNetwork implements ScoringNetwork {

    private final Model model;
    private final int width;
    private final OutputTransform transform;

    DjlBlockNetwork(Model model, int width, OutputTransform transform) {
        this.model = model;
        this.width = width;
        this.transform = transform;
    }

    @Override
    public float[] probabilities(float[] flat, int count) {
        TorchThreads.applyToCurrentThread();
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray input = manager.create(flat, new Shape(count, width));
            NDList outputs = model.getBlock().forward(new ParameterStore(manager, false), new NDList(input), false);
            NDArray output = single(outputs, count);
            return transform.apply(output.toType(DataType.FLOAT32, false)).reshape(count).toFloatArray();
        }
    }

    /** The one output tensor, of shape [count] or [count, 1]; anything else is not a fraud score per row. */
    private static NDArray single(NDList outputs, int count) {
        if (outputs.size() != 1) {
            throw new IllegalStateException("the network returned " + outputs.size() + " tensors, not one");
        }
        Shape shape = outputs.get(0).getShape();
        boolean perRow = shape.dimension() == 1 && shape.get(0) == count
                || shape.dimension() == 2 && shape.get(0) == count && shape.get(1) == 1;
        if (!perRow) {
            throw new IllegalStateException("the network returned shape " + shape + " for " + count
                    + " rows; a fraud model must return (" + count + ") or (" + count + ", 1)");
        }
        return outputs.get(0);
    }

    @Override
    public Device device() {
        return model.getNDManager().getDevice();
    }

    /** Frees the model's native memory. */
    @Override
    public void close() {
        model.close();
    }
}
