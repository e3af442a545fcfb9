package dev.fraudscore.trainer;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The Handbook's test set leaves out the cards already known to be compromised: a card with a fraud in the training
 * period, or on a delay-period day at least {@code delay + 1} days before the test day, is blocked by then, so its
 * payments are no longer the detector's to find. Test day {@code i} thus drops the cards with a fraud in
 * {@code [trainFrom, trainUntil + i days)}.
 */
final class KnownCompromised {

    private static final long DAY = Duration.ofDays(1).toMillis();

    private KnownCompromised() {
    }

    /** Indexes into {@code all} of the test rows of {@code fold} whose card is not known compromised by that day. */
    static int[] testRows(LabelledRows all, String[] cards, TimeSplit split, TimeSplit.Fold fold) {
        Set<String> known = new HashSet<>();
        int learned = all.firstAtOrAfter(fold.fitFrom().toEpochMilli());
        long trainUntil = fold.trainUntil(split).toEpochMilli();
        long testFrom = fold.testFrom().toEpochMilli();
        IntStream.Builder kept = IntStream.builder();
        for (int day = 0; day < split.testDays(); day++) {
            int learnUntil = all.firstAtOrAfter(trainUntil + day * DAY);
            for (; learned < learnUntil; learned++) {
                if (all.labels()[learned] > 0.5f) {
                    known.add(cards[learned]);
                }
            }
            int to = all.firstAtOrAfter(testFrom + (day + 1) * DAY);
            for (int i = all.firstAtOrAfter(testFrom + day * DAY); i < to; i++) {
                if (!known.contains(cards[i])) {
                    kept.add(i);
                }
            }
        }
        return kept.build().toArray();
    }
}
