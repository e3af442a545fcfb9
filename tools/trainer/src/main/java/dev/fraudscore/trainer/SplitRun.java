package dev.fraudscore.trainer;

import ai.djl.Model;
import dev.fraudscore.features.FeatureSet;
import dev.fraudscore.model.MlpNetwork;
import dev.fraudscore.model.ModelManifest.Architecture;
import dev.fraudscore.model.ModelManifest.Normalization;
import dev.fraudscore.simulator.LabelledTransaction;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Handbook's evaluation protocol on a labelled history: replay everything through feature-core (labels known
 * only once reported), then per fold train the MLP and a logistic regression (the same network without hidden
 * layers) on the same rows, choose thresholds on the validation days (and with {@link TimeSplit#refit()} train both
 * again on the whole training period), and score the test period without the cards already known compromised
 * ({@link KnownCompromised}), as the Handbook does.
 */
final class SplitRun {

    static final String MLP = "mlp";
    static final String LOGISTIC_REGRESSION = "logistic_regression";

    /** @param singleFeatures each feature's average precision alone on the test rows ({@link SingleFeatures}) */
    record Fold(TimeSplit.Fold periods, int trainRows, int trainFraudRows, int testRows, int testFraudRows,
            Map<String, ModelScore> scores, Map<String, Double> singleFeatures) {
    }

    record Result(Path input, TimeSplit split, String featureSet, TrainingConfig config, List<Fold> folds,
            double seconds) {

        ModelScore mean(String model) {
            return ModelScore.mean(folds.stream().map(f -> f.scores().get(model)).toList());
        }
    }

    private SplitRun() {
    }

    static Result execute(TrainingConfig config, Path input, List<LabelledTransaction> history, TimeSplit split,
            PrintStream log) {
        long started = System.nanoTime();
        FeatureSet featureSet = TrainingRun.featureSet(config);
        long end = split.end().toEpochMilli();
        List<LabelledTransaction> needed = history.stream()
                .takeWhile(t -> t.transaction().occurredAtMillis() < end).toList();
        LabelledRows all = FeatureReplay.replayWithLabels(needed, featureSet);
        String[] cards = needed.stream().map(t -> t.transaction().cardKey()).toArray(String[]::new);
        log.printf("%.1f s: replayed %d transactions (%d fraudulent) through %s%n", seconds(started), all.size(),
                all.positives(), featureSet.id());
        List<Fold> folds = new ArrayList<>();
        for (TimeSplit.Fold periods : split.all()) {
            folds.add(fold(config, featureSet, all, cards, split, periods, log));
            log.printf("%.1f s: fold %d done%n", seconds(started), periods.index());
        }
        return new Result(input, split, featureSet.id(), config, folds, seconds(started));
    }

    private static Fold fold(TrainingConfig config, FeatureSet featureSet, LabelledRows all, String[] cards,
            TimeSplit split, TimeSplit.Fold p, PrintStream log) {
        LabelledRows fit = slice(all, p.fitFrom(), p.validationFrom(), "training", p);
        LabelledRows validation = slice(all, p.validationFrom(), p.trainUntil(split), "validation", p);
        TrainingRows fitRows = TrainingRows.of(fit);
        TrainingRows refit = split.refit()
                ? TrainingRows.of(slice(all, p.fitFrom(), p.trainUntil(split), "training", p)) : null;
        slice(all, p.testFrom(), p.testUntil(), "test", p);
        int[] testRows = KnownCompromised.testRows(all, cards, split, p);
        LabelledRows test = all.select(testRows);
        String[] testCards = Arrays.stream(testRows).mapToObj(i -> cards[i]).toArray(String[]::new);
        requireBothClasses(test, "test (without the cards known compromised)", p.testFrom(), p.testUntil(), p);
        int width = featureSet.features().size();
        Map<String, ModelScore> scores = new LinkedHashMap<>();
        scores.put(MLP, score(config, config.architecture(width), config.steps(), fitRows, validation, refit, test,
                testCards, log));
        scores.put(LOGISTIC_REGRESSION, score(config, new Architecture("mlp", width, List.of()), 0, fitRows,
                validation, refit, test, testCards, log));
        return new Fold(p, fit.size() + validation.size(), fit.positives() + validation.positives(), test.size(),
                test.positives(), scores, SingleFeatures.averagePrecision(featureSet.featureNames(), test));
    }

    /**
     * Trains on {@code fit}, chooses the threshold on {@code validation} and scores {@code test}; with {@code refit}
     * rows, a second model trained on them scores {@code test} at the first one's threshold.
     */
    private static ModelScore score(TrainingConfig config, Architecture architecture, int steps, TrainingRows fit,
            LabelledRows validation, TrainingRows refit, LabelledRows test, String[] testCards, PrintStream log) {
        float[] validationScores;
        float[] testScores = null;
        try (Scorer scorer = Scorer.train(config, architecture, steps, fit, log)) {
            validationScores = scorer.probabilities(validation);
            if (refit == null) {
                testScores = scorer.probabilities(test);
            }
        }
        if (refit != null) {
            try (Scorer scorer = Scorer.train(config, architecture, steps, refit, log)) {
                testScores = scorer.probabilities(test);
            }
        }
        return ModelScore.of(testScores, test, testCards, validationScores, validation);
    }

    /** Training rows with their standardisation, fitted once for both models. */
    private record TrainingRows(LabelledRows rows, Normalization plain) {

        static TrainingRows of(LabelledRows rows) {
            return new TrainingRows(rows, Standardization.fit(rows.rows()));
        }
    }

    /** A trained model with the normalisation (and steps) fitted on its own training rows. */
    private record Scorer(Model model, Normalization normalization) implements AutoCloseable {

        static Scorer train(TrainingConfig config, Architecture architecture, int steps, TrainingRows training,
                PrintStream log) {
            LabelledRows rows = training.rows();
            Normalization normalization = Standardization.withSteps(training.plain(), rows, steps);
            PrintStream epochs = new PrintStream(OutputStream.nullOutputStream());
            MlpTraining.Trained trained = MlpTraining.train(config, architecture, normalization, rows, epochs);
            double[] loss = trained.epochLoss();
            log.printf("  %s %s x %d on %d rows: final training loss %.5f%n", architecture.hidden().isEmpty()
                    ? LOGISTIC_REGRESSION : MLP, architecture.hidden(), architecture.memberCount(), rows.size(),
                    loss[loss.length - 1]);
            return new Scorer(trained.model(), normalization);
        }

        float[] probabilities(LabelledRows rows) {
            return MlpNetwork.probabilities(model, normalization, rows.rows());
        }

        @Override
        public void close() {
            model.close();
        }
    }

    private static LabelledRows slice(LabelledRows all, Instant from, Instant until, String what, TimeSplit.Fold p) {
        LabelledRows rows = all.slice(all.firstAtOrAfter(from.toEpochMilli()), all.firstAtOrAfter(until.toEpochMilli()));
        requireBothClasses(rows, what, from, until, p);
        return rows;
    }

    private static void requireBothClasses(LabelledRows rows, String what, Instant from, Instant until,
            TimeSplit.Fold p) {
        int positives = rows.positives();
        if (positives == 0 || positives == rows.size()) {
            throw new TrainingException("fold " + p.index() + ": the " + what + " period [" + from + ", " + until
                    + ") has " + positives + " fraudulent rows out of " + rows.size() + "; it needs both fraud and"
                    + " genuine payments (does the input cover it?)");
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
