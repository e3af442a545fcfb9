package dev.fraudscore.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.fraudscore.domain.Thresholds;
import dev.fraudscore.features.FeatureSetId;
import java.util.List;
import java.util.Map;

/**
 * What a model version is: the feature set it was trained on (with fingerprint), its inputs and
 * output, its architecture and input normalisation, its evaluation metrics and suggested thresholds.
 * Stored as {@code manifest.json} beside the weights in {@code models/<name>/<version>/}.
 *
 * @param format how {@code weights} is stored, one of {@link ModelFormat}'s names; absent means
 *     {@code djl-mlp} (the trainer's DJL MLP), so manifests written before the field existed still load
 * @param outputTransform what turns the network's output into a probability, one of
 *     {@link OutputTransform}'s names; absent means {@code sigmoid} for {@code djl-mlp}, and must be
 *     given for the other formats
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
        Map<String, Object> training,
        @JsonInclude(JsonInclude.Include.NON_NULL) String format,
        @JsonInclude(JsonInclude.Include.NON_NULL) String outputTransform) {

    public static final String FILE_NAME = "manifest.json";

    /** A DJL MLP manifest, as the trainer writes it (no format, sigmoid of the logit). */
    public ModelManifest(String name, String version, String createdAt, FeatureSetId featureSet, List<String> inputs,
            String output, Architecture architecture, Normalization normalization, Map<String, Double> metrics,
            Thresholds suggestedThresholds, String weights, Map<String, Object> training) {
        this(name, version, createdAt, featureSet, inputs, output, architecture, normalization, metrics,
                suggestedThresholds, weights, training, null, null);
    }

    /**
     * A multilayer perceptron: {@code inputSize} inputs (widened by the normalisation's steps, if any) {@code ->
     * hidden... -> 1} logit, ReLU between layers; or an ensemble of
     * {@code members} such networks, trained side by side from different initial weights, whose logit is the mean
     * of theirs.
     *
     * @param members how many networks; absent means one (manifests written before the field existed)
     * @param dropout the share of each hidden layer's units dropped in training (after its ReLU); absent means
     *     none. Serving never drops; the layers are part of the block the weights are loaded into.
     */
    public record Architecture(String type, int inputSize, List<Integer> hidden,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer members,
            @JsonInclude(JsonInclude.Include.NON_NULL) Float dropout) {

        /** One network without dropout, as every manifest before ensembles. */
        public Architecture(String type, int inputSize, List<Integer> hidden) {
            this(type, inputSize, hidden, null, null);
        }

        public int memberCount() {
            return members == null ? 1 : members;
        }

        public float dropoutRate() {
            return dropout == null ? 0f : dropout;
        }
    }

    /**
     * How raw inputs become the network's inputs: each input {@code (x - mean) / std}, followed by one step
     * {@code x >= t ? 1 : 0} for each of its thresholds {@code t} in {@code steps} (raw units, ascending).
     *
     * @param steps per input, the thresholds the trainer chose from the training labels (target-aware bins: a
     *     sharp edge a smooth network cannot form from the standardised value alone); absent means none, as in
     *     every manifest written before the field existed
     */
    public record Normalization(float[] mean, float[] std,
            @JsonInclude(JsonInclude.Include.NON_NULL) float[][] steps) {

        /** Standardisation alone. */
        public Normalization(float[] mean, float[] std) {
            this(mean, std, null);
        }

        /** How many values a row has once normalised: the width of the network's first layer. */
        public int width() {
            int width = mean.length;
            if (steps != null) {
                for (float[] thresholds : steps) {
                    width += thresholds.length;
                }
            }
            return width;
        }

        /**
         * Rows {@code from..to} (through {@code order} when it is not null) normalised into one row-major
         * array: the only place inputs are normalised, for training batches and for scoring alike.
         */
        public float[] apply(float[][] rows, int[] order, int from, int to) {
            int inputs = mean.length;
            int width = width();
            float[] flat = new float[(to - from) * width];
            for (int r = from; r < to; r++) {
                float[] row = rows[order == null ? r : order[r]];
                if (row.length != inputs) {
                    throw new IllegalArgumentException("row " + r + " has " + row.length + " values but the model takes " + inputs);
                }
                int at = (r - from) * width;
                for (int c = 0; c < inputs; c++) {
                    flat[at++] = (row[c] - mean[c]) / std[c];
                    if (steps != null) {
                        for (float threshold : steps[c]) {
                            flat[at++] = row[c] >= threshold ? 1f : 0f;
                        }
                    }
                }
            }
            return flat;
        }

        /** Why these parts do not fit {@code inputs} inputs, or null when they do. */
        String mismatch(int inputs) {
            if (mean == null || std == null || mean.length != inputs || std.length != inputs) {
                return "does not have one mean and std per input";
            }
            if (steps == null) {
                return null;
            }
            if (steps.length != inputs) {
                return "has " + steps.length + " lists of steps for " + inputs + " inputs";
            }
            for (int c = 0; c < inputs; c++) {
                if (steps[c] == null) {
                    return "has no list of steps for input " + c + " (an input without steps has [])";
                }
                for (int i = 1; i < steps[c].length; i++) {
                    if (!(steps[c][i - 1] < steps[c][i])) {
                        return "has steps of input " + c + " that do not ascend";
                    }
                }
            }
            return null;
        }
    }

    /** Checks the parts that must agree with each other, naming the first that does not. */
    public void validate() {
        require(name != null && !name.isBlank(), "the manifest has no model name");
        require(version != null && !version.isBlank(), "the manifest of " + name + " has no version");
        require(featureSet != null && featureSet.hasFingerprint(),
                "the manifest of " + ref() + " names no feature set fingerprint");
        ModelFormat modelFormat = modelFormat();
        OutputTransform transform = transform();
        require(inputs != null && !inputs.isEmpty(), "the manifest of " + ref() + " lists no inputs");
        if (modelFormat == ModelFormat.DJL_MLP) {
            // our MLP is built from the manifest, so it needs the architecture and the normalisation
            require(architecture != null, "the manifest of " + ref() + " (format djl-mlp) has no architecture");
            require(normalization != null, "the manifest of " + ref() + " (format djl-mlp) has no normalisation");
            require(transform == OutputTransform.SIGMOID, "the manifest of " + ref()
                    + " (format djl-mlp) says outputTransform '" + outputTransform + "', but the MLP outputs a logit: use sigmoid");
        }
        require(architecture == null || architecture.memberCount() >= 1,
                "the architecture of " + ref() + " says members " + (architecture == null ? null : architecture.members())
                        + "; an ensemble has at least one network");
        require(architecture == null || architecture.dropoutRate() >= 0 && architecture.dropoutRate() < 1,
                "the architecture of " + ref() + " says dropout " + (architecture == null ? null : architecture.dropout())
                        + "; it is a share of units in [0, 1)");
        require(architecture == null || inputs.size() == architecture.inputSize(),
                "the manifest of " + ref() + " lists " + inputs.size() + " inputs but its network takes "
                        + (architecture == null ? "no" : architecture.inputSize()));
        String mismatch = normalization == null ? null : normalization.mismatch(inputs.size());
        require(mismatch == null, "the normalisation of " + ref() + " " + mismatch);
        require(weights != null && !weights.isBlank(), "the manifest of " + ref() + " names no weights file");
        require(!weights.contains("/") && !weights.contains("\\") && !weights.equals("..") && !weights.equals("."),
                "the manifest of " + ref() + " names weights '" + weights + "'; it must be a file name in the version folder");
    }

    /** How many values the network takes a row: the inputs once normalised (steps included). */
    public int networkWidth() {
        return normalization == null ? inputs.size() : normalization.width();
    }

    /** How the weights are stored; {@link ModelFormat#DJL_MLP} when the manifest says nothing. */
    public ModelFormat modelFormat() {
        return ModelFormat.of(format, ref());
    }

    /** What turns the network's output into a probability; sigmoid for a DJL MLP that says nothing. */
    public OutputTransform transform() {
        if (outputTransform == null && modelFormat() == ModelFormat.DJL_MLP) {
            return OutputTransform.SIGMOID;
        }
        return OutputTransform.of(outputTransform, ref());
    }

    private String ref() {
        return name + "/" + version;
    }

    private static void require(boolean condition, String sentence) {
        if (!condition) {
            throw new InvalidModelException(sentence);
        }
    }
}
