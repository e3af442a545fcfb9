package dev.fraudscore.trainer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The Fraud Detection Handbook's time split: train on {@code [start, start + trainDays)}, skip {@code delayDays}
 * (labels of that period would not be known yet when the model goes live), test on the next {@code testDays}.
 * Fold {@code k} moves the whole split {@code k * testDays} later (prequential folds, the Handbook's chapter 5).
 *
 * <p>Thresholds are never chosen on the test period: the last {@code validationDays} of the training period are held
 * out of fitting and choose them. With {@code refit}, each model is then trained again, the same way, on the whole
 * training period (the validation days included, as the Handbook trains on all its training days), and that model
 * scores the test period with the threshold the first one chose.
 */
record TimeSplit(LocalDate start, int trainDays, int delayDays, int testDays, int validationDays, int folds,
        boolean refit) {

    TimeSplit {
        require(trainDays > validationDays, "--train-days must exceed --validation-days (" + validationDays
                + "), got " + trainDays);
        require(validationDays > 0, "--validation-days must be positive, got " + validationDays);
        require(delayDays >= 0, "--delay-days must not be negative, got " + delayDays);
        require(testDays > 0, "--test-days must be positive, got " + testDays);
        require(folds > 0, "--folds must be positive, got " + folds);
    }

    TimeSplit(LocalDate start, int trainDays, int delayDays, int testDays, int validationDays, int folds) {
        this(start, trainDays, delayDays, testDays, validationDays, folds, false);
    }

    /** One fold's periods, all half-open {@code [from, until)}. */
    record Fold(int index, Instant fitFrom, Instant validationFrom, Instant testFrom, Instant testUntil) {

        /** Training ends where validation starts: the validation period belongs to the training period. */
        Instant trainUntil(TimeSplit split) {
            return validationFrom.plus(Duration.ofDays(split.validationDays()));
        }
    }

    List<Fold> all() {
        List<Fold> out = new ArrayList<>();
        for (int k = 0; k < folds; k++) {
            Instant from = day(start.plusDays((long) k * testDays));
            Instant trainUntil = from.plus(Duration.ofDays(trainDays));
            Instant testFrom = trainUntil.plus(Duration.ofDays(delayDays));
            out.add(new Fold(k, from, trainUntil.minus(Duration.ofDays(validationDays)), testFrom,
                    testFrom.plus(Duration.ofDays(testDays))));
        }
        return out;
    }

    /** The end of the last fold's test period: nothing after it is needed. */
    Instant end() {
        return all().get(folds - 1).testUntil();
    }

    private static Instant day(LocalDate d) {
        return d.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static void require(boolean condition, String sentence) {
        if (!condition) {
            throw new IllegalArgumentException(sentence);
        }
    }
}
