package dev.fraudscore.trainer;

import dev.fraudscore.features.FeatureSet;
import dev.fraudscore.features.HistoryStore;
import dev.fraudscore.features.InMemoryHistoryStore;
import dev.fraudscore.simulator.FraudPattern;
import dev.fraudscore.simulator.LabelledTransaction;
import java.util.List;

/**
 * Replays transactions in time order through the feature code feature-service runs (history store +
 * feature set), so the model is trained on exactly the vectors it will be served.
 */
public final class FeatureReplay {

    private FeatureReplay() {
    }

    public static LabelledRows replay(List<LabelledTransaction> transactions, FeatureSet featureSet) {
        HistoryStore store = new InMemoryHistoryStore();
        int n = transactions.size();
        float[][] rows = new float[n][];
        float[] labels = new float[n];
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
            HistoryStore.Observation seen = store.observe(t.transaction());
            rows[i] = featureSet.compute(t.transaction(), seen.history()).values();
            labels[i] = t.label();
            patterns[i] = t.pattern();
        }
        return new LabelledRows(rows, labels, millis, patterns);
    }
}
