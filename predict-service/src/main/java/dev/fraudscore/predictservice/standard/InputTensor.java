package dev.fraudscore.predictservice.standard;

/**
 * One input tensor of an Open Inference Protocol request, whatever the transport: its elements as floats,
 * flattened in row-major order.
 *
 * @param shape as the client declared it; {@link TensorRows} checks it against {@code data}
 */
public record InputTensor(String name, String datatype, long[] shape, float[] data) {
}
