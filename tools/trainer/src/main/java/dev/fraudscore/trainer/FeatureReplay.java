package dev.fraudscore.trainer;

import dev.fraudscore.features.FeatureSet;
import dev.fraudscore.features.FeatureStore;
import dev.fraudscore.features.FeatureStores;
import dev.fraudscore.features.state.TransactionLabel;
import dev.fraudscore.simulator.FraudPattern;
import dev.fraudscore.simulator.LabelledTransaction;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Replays transactions in time order through the feature code feature-service runs (the set's store + the set),
 * so the model is trained on exactly the vectors it will be served.
 *
 * <p>Labels: the simulator knows which payments were fraud but not when anyone reported them, so a replay with
 * labels reports each fraud {@link LabelledTransaction#REPORT_LAG} after it happened, and records it in the store at that instant,
 * between the transactions before and after it: a vector at {@code t} sees only labels reported before {@code t}
 * (point-in-time correct), as the service does when labels arrive through its feedback path.
 */
public final class FeatureReplay {

    private FeatureReplay() {
    }

    /** What the service computes when nobody reports labels. */
    public static LabelledRows replay(List<LabelledTransaction> transactions, FeatureSet featureSet) {
        return replay(transactions, featureSet, false);
    }

    /** What the service computes when every fraud is reported {@link LabelledTransaction#REPORT_LAG} after it happened. */
    public static LabelledRows replayWithLabels(List<LabelledTransaction> transactions, FeatureSet featureSet) {
        return replay(transactions, featureSet, true);
    }

    private static LabelledRows replay(List<LabelledTransaction> transactions, FeatureSet featureSet,
            boolean labels) {
        FeatureStore store = FeatureStores.inMemory(featureSet);
        boolean reporting = labels && store.countsLabels();
        Deque<TransactionLabel> reports = new ArrayDeque<>(); // in report order, as the lag is fixed
        int n = transactions.size();
        float[][] rows = new float[n][];
        float[] targets = new float[n];
        long[] millis = new long[n];
        FraudPattern[] patterns = new FraudPattern[n];
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            LabelledTransaction t = transactions.get(i);
            millis[i] = t.transaction().occurredAtMillis();
            if (millis[i] < previous) {
                throw new IllegalArgumentException("transactions must be in time order, but "
                        + t.transaction().transactionId() + " comes before its predecessor");
            }
            previous = millis[i];
            while (!reports.isEmpty() && reports.peekFirst().reportedAt().toEpochMilli() < millis[i]) {
                store.recordLabel(reports.removeFirst());
            }
            rows[i] = store.observe(t.transaction()).vector().values();
            targets[i] = t.label();
            patterns[i] = t.pattern();
            if (reporting) {
                t.report().ifPresent(reports::addLast);
            }
        }
        return new LabelledRows(rows, targets, millis, patterns);
    }
}
