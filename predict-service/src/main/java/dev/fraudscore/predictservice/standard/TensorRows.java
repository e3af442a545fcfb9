package dev.fraudscore.predictservice.standard;

import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.predictservice.domain.PredictionException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Lays the input tensors of an Open Inference Protocol request out as rows in the order of the model's inputs.
 * Two layouts are accepted: one FP32 tensor of shape {@code [n, F]} (any name; its columns are the manifest's
 * inputs in order), or one FP32 tensor per input, named by the input (the feature), of shape {@code [n]} or
 * {@code [n, 1]}. Anything else is refused with a sentence naming the tensor and what the model takes.
 */
public final class TensorRows {

    public static final String FP32 = "FP32";

    private TensorRows() {
    }

    /** Refuses a tensor that is not FP32 before its data is decoded. */
    public static void requireFp32(String name, String datatype) {
        if (!FP32.equals(datatype)) {
            throw PredictionException.invalid("input " + name + " has datatype " + datatype
                    + "; the model takes FP32 (32-bit floats), in a tensor of shape [n, F] or one tensor per input");
        }
    }

    public static float[][] rows(List<InputTensor> inputs, ModelManifest manifest) {
        if (inputs.isEmpty()) {
            throw PredictionException.invalid("the request has no input tensors; " + expected(manifest));
        }
        for (InputTensor input : inputs) {
            requireFp32(input.name(), input.datatype());
            requireDataFitsShape(input);
        }
        boolean oneMatrix = inputs.size() == 1 && !manifest.inputs().contains(inputs.get(0).name());
        return oneMatrix ? fromMatrix(inputs.get(0), manifest) : fromColumns(inputs, manifest);
    }

    private static float[][] fromMatrix(InputTensor input, ModelManifest manifest) {
        int width = manifest.inputs().size();
        long[] shape = input.shape();
        if (shape.length != 2 || shape[1] != width) {
            throw PredictionException.invalid("input " + input.name() + " has shape " + Arrays.toString(shape)
                    + " but model " + ref(manifest) + " takes rows of " + width + " values; " + expected(manifest));
        }
        float[][] rows = new float[(int) shape[0]][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = Arrays.copyOfRange(input.data(), r * width, (r + 1) * width);
        }
        return rows;
    }

    private static float[][] fromColumns(List<InputTensor> inputs, ModelManifest manifest) {
        Map<String, InputTensor> byName = new LinkedHashMap<>();
        for (InputTensor input : inputs) {
            if (!manifest.inputs().contains(input.name())) {
                throw PredictionException.invalid("input " + input.name() + " is not an input of model " + ref(manifest)
                        + "; " + expected(manifest));
            }
            if (byName.put(input.name(), input) != null) {
                throw PredictionException.invalid("input " + input.name() + " is given twice; give each input once");
            }
            long[] shape = input.shape();
            if (shape.length == 0 || shape.length > 2 || shape.length == 2 && shape[1] != 1) {
                throw PredictionException.invalid("input " + input.name() + " has shape " + Arrays.toString(shape)
                        + "; an input given on its own takes shape [n] or [n, 1], one value per row");
            }
        }
        List<String> missing = manifest.inputs().stream().filter(name -> !byName.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw PredictionException.invalid("the request lacks input" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing) + " of model " + ref(manifest) + "; " + expected(manifest));
        }
        return transpose(byName, manifest);
    }

    private static float[][] transpose(Map<String, InputTensor> byName, ModelManifest manifest) {
        Map<Integer, String> rowCounts = new HashMap<>();
        byName.values().forEach(input -> rowCounts.putIfAbsent(input.data().length, input.name()));
        if (rowCounts.size() > 1) {
            throw PredictionException.invalid("the inputs do not have the same number of rows: " + byName.values().stream()
                    .map(input -> input.name() + " has " + input.data().length).collect(Collectors.joining(", ")));
        }
        List<String> names = manifest.inputs();
        float[][] rows = new float[rowCounts.keySet().iterator().next()][names.size()];
        for (int c = 0; c < names.size(); c++) {
            float[] column = byName.get(names.get(c)).data();
            for (int r = 0; r < rows.length; r++) {
                rows[r][c] = column[r];
            }
        }
        return rows;
    }

    private static void requireDataFitsShape(InputTensor input) {
        long elements = 1;
        for (long dimension : input.shape()) {
            if (dimension < 0) {
                throw PredictionException.invalid("input " + input.name() + " has shape " + Arrays.toString(input.shape())
                        + "; a request gives the size of every dimension (0 or more)");
            }
            // saturates rather than overflows: a shape too large for any data is refused below all the same
            elements = dimension != 0 && elements > Long.MAX_VALUE / dimension ? Long.MAX_VALUE : elements * dimension;
        }
        if (elements != input.data().length) {
            throw PredictionException.invalid("input " + input.name() + " has shape " + Arrays.toString(input.shape())
                    + ", which holds " + elements + " values, but its data has " + input.data().length);
        }
    }

    private static String expected(ModelManifest manifest) {
        int width = manifest.inputs().size();
        return "send one FP32 tensor of shape [n, " + width + "] (columns in this order: "
                + String.join(", ", manifest.inputs()) + "), or one FP32 tensor of shape [n, 1] per input, named by it";
    }

    private static String ref(ModelManifest manifest) {
        return manifest.name() + "/" + manifest.version();
    }
}
