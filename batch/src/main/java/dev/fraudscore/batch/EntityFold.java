package dev.fraudscore.batch;

import dev.fraudscore.features.state.Aggregate;
import dev.fraudscore.features.state.AggregateStore;
import dev.fraudscore.features.state.Entity;
import dev.fraudscore.features.state.InMemoryAggregateStore;
import dev.fraudscore.features.state.StateSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * One entity's state as of the cut-off: its transactions before the cut-off replayed in time order through
 * feature-core's in-memory store (the code the trainer replays with, with the semantics of the Redis script), each
 * fraud's label recorded at its report time between the transactions around it, as the trainer's replay does; then
 * the entity's aggregates encoded as the keys the online path would hold.
 *
 * <p>An entity's state is a function of its own transactions alone: a card's aggregates read only the card's
 * payments, a merchant's only the payments there and their labels. So a card's group and a merchant's group are
 * folded apart, each with a store that keeps only that entity's aggregates.
 */
public final class EntityFold {

    private final StateSpec spec;
    private final StateEncoder encoder;
    private final long cutoffMillis;
    private final long txCacheTtlMillis;

    /** @param txCacheTtlMillis feature-service's retry cache TTL: the transactions whose state it would still hold */
    public EntityFold(StateSpec spec, StateEncoder encoder, long cutoffMillis, long txCacheTtlMillis) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.cutoffMillis = cutoffMillis;
        this.txCacheTtlMillis = txCacheTtlMillis;
    }

    /**
     * An entity's keys, for a card its transactions' label records, and its part of the state of each transaction
     * the retry cache would still hold.
     */
    public record Folded(List<StateWrite> aggregates, List<StateWrite> labelRecords, List<RecentState> recent) {
    }

    /** @param rows the entity's rows, in any order; all before the cut-off */
    public Folded fold(Entity entity, String entityKey, Iterable<HistoryRow> rows) {
        List<HistoryRow> txs = new ArrayList<>();
        rows.forEach(txs::add);
        txs.sort(HistoryRow.IN_TIME_ORDER);
        Deque<HistoryRow> reports = new ArrayDeque<>(txs.stream().filter(HistoryRow::reported)
                .sorted(Comparator.comparingLong(HistoryRow::reportedAtMillis).thenComparingLong(HistoryRow::seq))
                .toList());
        InMemoryAggregateStore store = new InMemoryAggregateStore(spec, entity);
        long last = Long.MIN_VALUE;
        List<RecentState> recent = new ArrayList<>();
        for (HistoryRow tx : txs) {
            if (tx.millis() >= cutoffMillis) {
                throw new IllegalArgumentException(tx.transactionId() + " is not before the cut-off");
            }
            recordReportsBefore(tx.millis(), reports, store);
            AggregateStore.Observation seen = store.observe(tx.transaction());
            if (tx.millis() + txCacheTtlMillis > cutoffMillis && !seen.replayed()) {
                recent.add(new RecentState(tx.transactionId(), tx.cardKey(), tx.millis(), entity,
                        seen.state().values()));
            }
            last = tx.millis();
        }
        recordReportsBefore(cutoffMillis, reports, store);
        long lastWrite = last;
        List<StateWrite> writes = new ArrayList<>();
        List<StateWrite> records = new ArrayList<>();
        for (Aggregate a : spec.aggregates()) {
            if (a.entity() == entity) {
                store.snapshot(a, entityKey).flatMap(s -> encoder.aggregate(a, entityKey, s, lastWrite))
                        .ifPresent(writes::add);
            }
        }
        if (entity == Entity.CARD && spec.countsLabels()) {
            for (HistoryRow tx : txs) {
                store.record(tx.transactionId()).flatMap(r -> encoder.labelRecord(tx.transactionId(), r))
                        .ifPresent(records::add);
            }
        }
        return new Folded(writes, records, recent);
    }

    /** Labels reported before {@code millis} count for a transaction at {@code millis}, as online. */
    private void recordReportsBefore(long millis, Deque<HistoryRow> reports, InMemoryAggregateStore store) {
        if (!spec.countsLabels()) {
            return;
        }
        while (!reports.isEmpty() && reports.peekFirst().reportedAtMillis() < millis) {
            store.recordLabel(reports.removeFirst().label());
        }
    }
}
