package dev.fraudscore.batch;

import dev.fraudscore.features.FeatureStore;
import dev.fraudscore.features.state.TransactionLabel;
import dev.fraudscore.simulator.LabelledTransaction;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The online path as the trainer's replay drives it (FeatureReplay): transactions in time order, each fraud reported
 * a day after it happened and recorded before the first transaction after its report. Only the events in
 * {@code [from, to)} are sent, so a history can be sent in two halves in the order one pass would send it.
 */
final class OnlineReplay {

    private OnlineReplay() {
    }

    /** @param vectors receives the vector of each transaction sent */
    static void send(FeatureStore store, List<LabelledTransaction> history, long from, long to,
            Map<String, float[]> vectors) {
        Deque<TransactionLabel> reports = new ArrayDeque<>();
        for (LabelledTransaction t : history) {
            long millis = t.transaction().occurredAtMillis();
            if (millis >= to) {
                break;
            }
            recordBefore(store, reports, millis, from);
            if (millis >= from) {
                vectors.put(t.transaction().transactionId(), store.observe(t.transaction()).vector().values());
            }
            t.report().ifPresent(reports::addLast);
        }
        recordBefore(store, reports, to, from);
    }

    private static void recordBefore(FeatureStore store, Deque<TransactionLabel> reports, long millis, long from) {
        while (!reports.isEmpty() && reports.peekFirst().reportedAt().toEpochMilli() < millis) {
            TransactionLabel label = reports.removeFirst();
            if (label.reportedAt().toEpochMilli() >= from) {
                store.recordLabel(label);
            }
        }
    }
}
