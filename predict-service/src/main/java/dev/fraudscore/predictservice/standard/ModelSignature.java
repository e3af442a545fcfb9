package dev.fraudscore.predictservice.standard;

import dev.fraudscore.model.ModelFormat;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.predictservice.domain.ServedModel;
import java.util.Comparator;
import java.util.List;

/**
 * A model as Open Inference Protocol metadata describes it: its servable versions, its platform, one FP32
 * input per feature (named by it, shape {@code [-1, 1]}) and its one output, the fraud probability.
 */
public record ModelSignature(String name, List<String> versions, String platform, List<TensorSpec> inputs,
        List<TensorSpec> outputs) {

    /** A column of one value per row. */
    static final List<Long> COLUMN = List.of(-1L, 1L);
    private static final String DEFAULT_OUTPUT = "fraud_probability";

    /** @param manifest the version described: the one named, or the primary */
    static ModelSignature of(ServedModel model, ModelManifest manifest) {
        List<String> versions = model.ready().keySet().stream()
                .sorted(Comparator.comparingLong(ModelSignature::number)).toList();
        List<TensorSpec> inputs = manifest.inputs().stream().map(name -> new TensorSpec(name, TensorRows.FP32, COLUMN))
                .toList();
        return new ModelSignature(model.name(), versions, platform(manifest), inputs,
                List.of(new TensorSpec(outputName(manifest), TensorRows.FP32, COLUMN)));
    }

    /** The output tensor's name: the manifest's {@code output}. */
    static String outputName(ModelManifest manifest) {
        return manifest.output() == null || manifest.output().isBlank() ? DEFAULT_OUTPUT : manifest.output();
    }

    /** {@code <framework>_<format>} as the protocol names platforms; DJL's MLP runs on PyTorch too. */
    private static String platform(ModelManifest manifest) {
        return manifest.modelFormat() == ModelFormat.DJL_MLP ? "pytorch_djl" : "pytorch_torchscript";
    }

    private static long number(String version) {
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
