package dev.fraudscore.model;

import dev.fraudscore.domain.Thresholds;
import dev.fraudscore.features.FeatureSetId;
import java.util.List;
import java.util.Map;

/**
 * What a model version is: the feature set it was trained on (with fingerprint), its inputs and
 * output, its architecture and input normalisation, its evaluation metrics and suggested thresholds.
 * Stored as {@code manifest.json} beside the weights in {@code models/<name>/<version>/}.
 */
public record ModelManifest(
        String name,
        String version,
        String createdAt,
        FeatureSetId featureSet,
        List<String> inputs,
        String output,
        Architecture architecture,
        Normalization normalization,
        Map<String, Double> metrics,
        Thresholds suggestedThresholds,
        String weights,
        Map<String, Object> training) {

    public static final String FILE_NAME = "manifest.json";

    /** A multilayer perceptron: {@code inputSize -> hidden... -> 1} logit, ReLU between layers. */
    public record Architecture(String type, int inputSize, List<Integer> hidden) {
    }

    /** Per-input mean and standard deviation, applied as {@code (x - mean) / std} before the network. */
    public record Normalization(float[] mean, float[] std) {

        /**
         * Rows {@code from..to} (through {@code order} when it is not null) normalised into one row-major
         * array: the only place inputs are normalised, for training batches and for scoring alike.
         */
        public float[] apply(float[][] rows, int[] order, int from, int to) {
            int width = mean.length;
            float[] flat = new float[(to - from) * width];
            for (int r = from; r < to; r++) {
                float[] row = rows[order == null ? r : order[r]];
                if (row.length != width) {
                    throw new IllegalArgumentException("row " + r + " has " + row.length + " values but the model takes " + width);
                }
                int base = (r - from) * width;
                for (int c = 0; c < width; c++) {
                    flat[base + c] = (row[c] - mean[c]) / std[c];
                }
            }
            return flat;
        }
    }

    /** Checks the parts that must agree with each other, naming the first that does not. */
    public void validate() {
        require(name != null && !name.isBlank(), "the manifest has no model name");
        require(version != null && !version.isBlank(), "the manifest of " + name + " has no version");
        require(featureSet != null && featureSet.hasFingerprint(),
                "the manifest of " + name + "/" + version + " names no feature set fingerprint");
        require(inputs != null && architecture != null && inputs.size() == architecture.inputSize(),
                "the manifest of " + name + "/" + version + " lists " + (inputs == null ? 0 : inputs.size())
                        + " inputs but its network takes " + (architecture == null ? "no" : architecture.inputSize()));
        require(normalization != null && normalization.mean().length == inputs.size()
                        && normalization.std().length == inputs.size(),
                "the normalisation of " + name + "/" + version + " does not have one mean and std per input");
        require(weights != null && !weights.isBlank(), "the manifest of " + name + "/" + version + " names no weights file");
    }

    private static void require(boolean condition, String sentence) {
        if (!condition) {
            throw new InvalidModelException(sentence);
        }
    }
}
