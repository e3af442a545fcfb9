package dev.fraudscore.trainer;

import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** {@code --input FILE --start DAY ...}: evaluate on a labelled history with the Handbook's time split. */
final class SplitOptions {

    @Option(names = "--input", description = "A labelled history to train and evaluate on instead of simulating.")
    Path input;

    @Option(names = "--input-format", defaultValue = "handbook", description = "handbook (the Fraud Detection"
            + " Handbook's CSV) or simulator (our JSON Lines); default ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--start", description = "First day of the (first) training period, e.g. 2018-07-25.")
    LocalDate start;

    @Option(names = "--train-days", defaultValue = "7", description = "Days of training (default ${DEFAULT-VALUE}).")
    int trainDays;

    @Option(names = "--delay-days", defaultValue = "7", description = "Days skipped between training and test, as"
            + " labels arrive late (default ${DEFAULT-VALUE}).")
    int delayDays;

    @Option(names = "--test-days", defaultValue = "7", description = "Days of test (default ${DEFAULT-VALUE}).")
    int testDays;

    @Option(names = "--validation-days", defaultValue = "1", description = "Last days of each training period held"
            + " out of fitting to choose thresholds (default ${DEFAULT-VALUE}).")
    int validationDays;

    @Option(names = "--refit", description = "After choosing the thresholds, train each model again on the whole"
            + " training period, validation days included, and score the test days with it (twice the training time).")
    boolean refit;

    @Option(names = "--folds", defaultValue = "1", description = "Prequential folds, each test-days later than the"
            + " previous (default ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--report-dir", description = "Where evaluation.json goes (default"
            + " <models-dir>/<name>/evaluations/<start>-<feature-set>-<folds>f).")
    Path reportDir;

    boolean requested() {
        return input != null || start != null;
    }

    TimeSplit split() {
        if (input == null || start == null) {
            throw new TrainingException("--input and --start go together: the time split needs a labelled history"
                    + " and the first training day");
        }
        try {
            return new TimeSplit(start, trainDays, delayDays, testDays, validationDays, folds, refit);
        } catch (IllegalArgumentException e) {
            throw new TrainingException(e.getMessage(), e);
        }
    }

    HistoryFormat historyFormat() {
        return switch (format) {
            case "handbook" -> HistoryFormat.HANDBOOK;
            case "simulator" -> HistoryFormat.SIMULATOR;
            default -> throw new TrainingException("--input-format must be handbook or simulator, got '" + format + "'");
        };
    }

    Path reportDir(Path modelsDir, String name, String featureSet) {
        return reportDir != null ? reportDir
                : modelsDir.resolve(name).resolve("evaluations").resolve(start + "-" + featureSet + "-" + folds + "f");
    }
}
