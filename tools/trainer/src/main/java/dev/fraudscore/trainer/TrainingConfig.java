package dev.fraudscore.trainer;

import dev.fraudscore.model.ModelManifest.Architecture;
import dev.fraudscore.simulator.SimulationConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One training run: where to write the model, what to simulate, how to train.
 *
 * @param trainFraction share of the simulated period (by time) used for training; the rest evaluates
 * @param positiveShare share of fraud rows the mini-batches are oversampled to (fraud is rare);
 *     0 trains on the natural mix
 * @param featureSet the id of the feature set the model is trained on, e.g. {@code fraud_v2}
 * @param members how many networks of {@code hidden} are trained side by side and served as one, the mean of
 *     their logits (1: a single network)
 * @param dropout share of each hidden layer's units dropped while training (0: none)
 * @param steps how many target-aware thresholds each input gets beside its standardised value
 *     ({@link StepThresholds}; 0: none)
 */
public record TrainingConfig(
        Path modelsDir,
        String modelName,
        long seed,
        int cards,
        int days,
        int epochs,
        int batchSize,
        float learningRate,
        List<Integer> hidden,
        double trainFraction,
        double positiveShare,
        String featureSet,
        int members,
        float dropout,
        int steps) {

    public static final String DEFAULT_MODEL_NAME = "fraud-mlp";
    public static final String DEFAULT_FEATURE_SET = "fraud_v1";
    static final int MAX_MEMBERS = 16;
    static final int MAX_STEPS = 32;

    public TrainingConfig {
        Objects.requireNonNull(modelsDir, "modelsDir");
        require(modelName != null && modelName.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}"),
                "the model name must be 1-64 letters, digits, '_', '.' or '-', got '" + modelName + "'");
        require(cards > 0, "cards must be positive, got " + cards);
        require(days > 1, "days must be at least 2 (one to train, one to evaluate), got " + days);
        require(epochs > 0, "epochs must be positive, got " + epochs);
        require(batchSize > 0, "the batch size must be positive, got " + batchSize);
        require(learningRate > 0, "the learning rate must be positive, got " + learningRate);
        require(hidden != null && !hidden.isEmpty() && hidden.stream().allMatch(w -> w > 0),
                "hidden must list at least one positive layer width, got " + hidden);
        require(trainFraction > 0 && trainFraction < 1, "trainFraction must lie strictly between 0 and 1, got " + trainFraction);
        require(positiveShare >= 0 && positiveShare < 1, "positiveShare must lie in [0, 1), got " + positiveShare);
        Objects.requireNonNull(featureSet, "featureSet");
        require(members >= 1 && members <= MAX_MEMBERS, "members must lie in [1, " + MAX_MEMBERS + "], got " + members);
        require(dropout >= 0 && dropout < 1, "dropout must lie in [0, 1), got " + dropout);
        require(steps >= 0 && steps <= MAX_STEPS, "steps must lie in [0, " + MAX_STEPS + "], got " + steps);
        hidden = List.copyOf(hidden);
    }

    /** Good metrics in well under two minutes on two CPU cores. */
    public static TrainingConfig defaults(Path modelsDir) {
        return new TrainingConfig(modelsDir, DEFAULT_MODEL_NAME, 42, 6000, 90, 12, 256, 0.002f,
                List.of(32, 16), 0.8, 0.1, DEFAULT_FEATURE_SET, 1, 0f, 1);
    }

    /** A small run for tests: trains in a few seconds, still separates fraud well. */
    public static TrainingConfig small(Path modelsDir) {
        return new TrainingConfig(modelsDir, DEFAULT_MODEL_NAME, 7, 1500, 42, 8, 128, 0.003f,
                List.of(32, 16), 0.8, 0.1, DEFAULT_FEATURE_SET, 1, 0f, 1);
    }

    public TrainingConfig withModelName(String name) {
        return new TrainingConfig(modelsDir, name, seed, cards, days, epochs, batchSize, learningRate, hidden,
                trainFraction, positiveShare, featureSet, members, dropout, steps);
    }

    public TrainingConfig withSeed(long newSeed) {
        return new TrainingConfig(modelsDir, modelName, newSeed, cards, days, epochs, batchSize, learningRate, hidden,
                trainFraction, positiveShare, featureSet, members, dropout, steps);
    }

    public TrainingConfig withData(int newCards, int newDays) {
        return new TrainingConfig(modelsDir, modelName, seed, newCards, newDays, epochs, batchSize, learningRate, hidden,
                trainFraction, positiveShare, featureSet, members, dropout, steps);
    }

    public TrainingConfig withEpochs(int newEpochs) {
        return new TrainingConfig(modelsDir, modelName, seed, cards, days, newEpochs, batchSize, learningRate, hidden,
                trainFraction, positiveShare, featureSet, members, dropout, steps);
    }

    public TrainingConfig withNetwork(List<Integer> newHidden, float newLearningRate, double newPositiveShare) {
        return new TrainingConfig(modelsDir, modelName, seed, cards, days, epochs, batchSize, newLearningRate,
                newHidden, trainFraction, newPositiveShare, featureSet, members, dropout, steps);
    }

    public TrainingConfig withEnsemble(int newMembers, float newDropout) {
        return new TrainingConfig(modelsDir, modelName, seed, cards, days, epochs, batchSize, learningRate, hidden,
                trainFraction, positiveShare, featureSet, newMembers, newDropout, steps);
    }

    public TrainingConfig withSteps(int newSteps) {
        return new TrainingConfig(modelsDir, modelName, seed, cards, days, epochs, batchSize, learningRate, hidden,
                trainFraction, positiveShare, featureSet, members, dropout, newSteps);
    }

    /** The network this run trains on {@code width} inputs; a plain MLP is written as manifests always were. */
    public Architecture architecture(int width) {
        return new Architecture("mlp", width, hidden, members == 1 ? null : members, dropout == 0 ? null : dropout);
    }

    public TrainingConfig withFeatureSet(String id) {
        return new TrainingConfig(modelsDir, modelName, seed, cards, days, epochs, batchSize, learningRate, hidden,
                trainFraction, positiveShare, id, members, dropout, steps);
    }

    /** What this run simulates. */
    public SimulationConfig simulation() {
        return SimulationConfig.of(seed, cards, days);
    }

    /**
     * The time split: rows before this instant train, rows at or after it evaluate. Whole days, so the
     * export's sidecar and the Java trainer cut at the same instant.
     */
    public Instant evaluationCutoff() {
        return simulation().start().plus(Duration.ofDays(Math.round(trainFraction * days)));
    }

    private static void require(boolean condition, String sentence) {
        if (!condition) {
            throw new IllegalArgumentException(sentence);
        }
    }
}
