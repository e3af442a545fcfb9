package dev.fraudscore.trainer;

import dev.fraudscore.simulator.LabelledTransaction;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code evaluation.json} of a {@link SplitRun}: {@code metrics} are the MLP's (the mean over folds), {@code baseline}
 * the logistic regression's, {@code folds[]} each fold's; and the same as a table for people.
 */
final class SplitReport {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private SplitReport() {
    }

    static Path write(SplitRun.Result r, Path dir) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("input", r.input().toString());
        report.put("featureSet", r.featureSet());
        report.put("model", SplitRun.MLP);
        report.put("metrics", r.mean(SplitRun.MLP).metrics());
        report.put("baseline", baseline(r.mean(SplitRun.LOGISTIC_REGRESSION)));
        report.put("split", split(r.split()));
        report.put("training", training(r.config()));
        List<Map<String, Object>> folds = new ArrayList<>();
        for (SplitRun.Fold f : r.folds()) {
            Map<String, Object> fold = new LinkedHashMap<>();
            fold.put("index", f.periods().index());
            fold.put("trainFrom", f.periods().fitFrom().toString());
            fold.put("validationFrom", f.periods().validationFrom().toString());
            fold.put("trainUntil", f.periods().trainUntil(r.split()).toString());
            fold.put("testFrom", f.periods().testFrom().toString());
            fold.put("testUntil", f.periods().testUntil().toString());
            fold.put("trainRows", f.trainRows());
            fold.put("trainFraudRows", f.trainFraudRows());
            fold.put("testRows", f.testRows());
            fold.put("testFraudRows", f.testFraudRows());
            fold.put("metrics", f.scores().get(SplitRun.MLP).metrics());
            fold.put("baseline", baseline(f.scores().get(SplitRun.LOGISTIC_REGRESSION)));
            fold.put("singleFeatureAveragePrecision", f.singleFeatures());
            folds.add(fold);
        }
        report.put("folds", folds);
        report.put("seconds", Math.round(r.seconds() * 10) / 10.0);
        Path file = dir.resolve(EvaluationReport.JSON_FILE);
        try {
            Files.createDirectories(dir);
            JSON.writeValue(file.toFile(), report);
        } catch (IOException | RuntimeException e) {
            throw new TrainingException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static Map<String, Object> baseline(ModelScore score) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", SplitRun.LOGISTIC_REGRESSION);
        m.put("metrics", score.metrics());
        return m;
    }

    /**
     * How the MLP was trained; the baseline shares all of it but the hidden layers, members, dropout and steps (it
     * sees the standardised inputs alone).
     */
    private static Map<String, Object> training(TrainingConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hidden", c.hidden());
        m.put("members", c.members());
        m.put("dropout", c.dropout());
        m.put("steps", c.steps());
        m.put("epochs", c.epochs());
        m.put("batchSize", c.batchSize());
        m.put("learningRate", c.learningRate());
        m.put("positiveShare", c.positiveShare());
        m.put("seed", c.seed());
        return m;
    }

    private static Map<String, Object> split(TimeSplit s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", s.start().toString());
        m.put("trainDays", s.trainDays());
        m.put("delayDays", s.delayDays());
        m.put("testDays", s.testDays());
        m.put("folds", s.folds());
        m.put("thresholdsChosenOn", "the last " + s.validationDays() + " day(s) of each training period, held out of"
                + " fitting; never the test period");
        // true: the test period was scored by each model trained again on the whole training period, at the threshold
        // the model fitted without the validation days chose
        m.put("refit", s.refit());
        m.put("labelReportLag", LabelledTransaction.REPORT_LAG.toString());
        return m;
    }

    /** One line per fold and model, then the means. */
    static void print(SplitRun.Result r, PrintStream out) {
        out.printf(Locale.ROOT, "%-6s %-20s %8s %8s %8s %14s%n", "fold", "model", "AP", "ROC AUC", "CP@100",
                "recall@1%FPR");
        for (SplitRun.Fold f : r.folds()) {
            f.scores().forEach((model, s) -> row(out, String.valueOf(f.periods().index()), model, s));
        }
        if (r.folds().size() > 1) {
            for (String model : List.of(SplitRun.MLP, SplitRun.LOGISTIC_REGRESSION)) {
                row(out, "mean", model, r.mean(model));
            }
        }
        for (SplitRun.Fold f : r.folds()) {
            Map.Entry<String, Double> strongest = f.singleFeatures().entrySet().iterator().next();
            out.printf(Locale.ROOT, "fold %d: the strongest single feature, %s, has AP %.4f alone%n",
                    f.periods().index(), strongest.getKey(), strongest.getValue());
        }
    }

    private static void row(PrintStream out, String fold, String model, ModelScore s) {
        out.printf(Locale.ROOT, "%-6s %-20s %8.4f %8.4f %8.4f %14.4f%n", fold, model, s.averagePrecision(), s.rocAuc(),
                s.cardPrecisionAt100(), s.recallAt1PctFpr());
    }
}
