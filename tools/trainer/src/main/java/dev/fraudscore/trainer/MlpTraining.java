package dev.fraudscore.trainer;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.fraudscore.model.MlpNetwork;
import dev.fraudscore.model.ModelManifest.Architecture;
import dev.fraudscore.model.ModelManifest.Normalization;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains the MLP (or each member of an ensemble of them, on the same mini-batches) on normalised rows with sigmoid
 * binary cross-entropy from logits and Adam, on the CPU, in shuffled mini-batches where fraud rows are oversampled to
 * {@link TrainingConfig#positiveShare()}.
 */
final class MlpTraining {

    static final String ENGINE = "PyTorch";

    private MlpTraining() {
    }

    /** A trained model (the caller closes it) and its mean training loss per epoch. */
    record Trained(Model model, double[] epochLoss) {
    }

    static Trained train(TrainingConfig config, Architecture architecture, Normalization normalization,
            LabelledRows train, PrintStream log) {
        MlpNetwork.preferSingleThread();
        Engine.getEngine(ENGINE).setRandomSeed((int) config.seed());
        Model model = Model.newInstance(config.modelName(), Device.cpu(), ENGINE);
        model.setBlock(MlpNetwork.build(architecture));
        DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(config.learningRate())).build())
                .optDevices(new Device[] {Device.cpu()});
        int width = normalization.width();
        try (Trainer trainer = model.newTrainer(trainingConfig)) {
            trainer.initialize(new Shape(config.batchSize(), width));
            SplittableRandom shuffle = new SplittableRandom(config.seed());
            int[] epochRows = oversampled(train, config.positiveShare());
            double[] epochLoss = new double[config.epochs()];
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                shuffleInPlace(epochRows, shuffle);
                double lossSum = 0;
                int batches = 0;
                for (int from = 0; from < epochRows.length; from += config.batchSize()) {
                    int to = Math.min(epochRows.length, from + config.batchSize());
                    lossSum += step(trainer, normalization, train, epochRows, from, to, width,
                            architecture.memberCount());
                    batches++;
                }
                epochLoss[epoch - 1] = lossSum / batches;
                log.printf("epoch %d/%d: loss %.5f%n", epoch, config.epochs(), epochLoss[epoch - 1]);
            }
            return new Trained(model, epochLoss);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** One mini-batch; an ensemble's members each see every row's label (their logits are its columns). */
    private static float step(Trainer trainer, Normalization normalization, LabelledRows train, int[] order,
            int from, int to, int width, int members) {
        try (NDManager batch = trainer.getManager().newSubManager()) {
            NDArray x = batch.create(normalization.apply(train.rows(), order, from, to),
                    new Shape(to - from, width));
            float[] y = new float[(to - from) * members];
            for (int r = from; r < to; r++) {
                Arrays.fill(y, (r - from) * members, (r - from + 1) * members, train.labels()[order[r]]);
            }
            NDArray labels = batch.create(y, new Shape(to - from, members));
            float loss;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                NDArray value = trainer.getLoss().evaluate(new NDList(labels), new NDList(logits));
                collector.backward(value);
                loss = value.getFloat();
            }
            trainer.step();
            return loss;
        }
    }

    /**
     * Row indexes for one epoch: every row once, fraud rows repeated until they make up about
     * {@code positiveShare} of the epoch (never fewer than once).
     */
    static int[] oversampled(LabelledRows train, double positiveShare) {
        List<Integer> positives = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            if (train.labels()[i] > 0.5f) {
                positives.add(i);
            }
        }
        int negatives = train.size() - positives.size();
        int repeats = 1;
        if (positiveShare > 0 && !positives.isEmpty()) {
            double wanted = positiveShare / (1 - positiveShare) * negatives;
            repeats = Math.max(1, (int) Math.round(wanted / positives.size()));
        }
        int[] rows = new int[train.size() + positives.size() * (repeats - 1)];
        for (int i = 0; i < train.size(); i++) {
            rows[i] = i;
        }
        int next = train.size();
        for (int r = 1; r < repeats; r++) {
            for (int p : positives) {
                rows[next++] = p;
            }
        }
        return rows;
    }

    private static void shuffleInPlace(int[] values, SplittableRandom rnd) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
    }
}
