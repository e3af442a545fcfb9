package dev.fraudscore.features.state;

import dev.fraudscore.features.FeatureTransaction;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The training-time store of a {@link StateSpec}: the semantics of feature-service's Redis store, on one thread,
 * for a replay in time order. Time is event time throughout (windows, horizons, tiles); Redis's TTLs only drop
 * what this store would no longer read.
 */
public final class InMemoryAggregateStore implements AggregateStore {

    /** An entity's tiles: the latest tile a transaction wrote, and counters per tile. */
    private static final class EntityTiles {
        long hi = Long.MIN_VALUE;
        final TreeMap<Long, long[]> tiles = new TreeMap<>();
    }

    private final StateSpec spec;
    private final Map<String, AggregateState> seen = new HashMap<>();
    private final Map<String, TransactionRecord> records = new HashMap<>();
    /** Per aggregate, per entity key. */
    private final Map<Aggregate, Map<String, Object>> state = new HashMap<>();

    /** Only the aggregates of {@code entity}, or all when null; the others read 0 and keep nothing. */
    private final Entity only;

    public InMemoryAggregateStore(StateSpec spec) {
        this(spec, null);
    }

    /**
     * A store of {@code entity}'s aggregates alone, for a replay of one entity's transactions (a backfill folds each
     * card and each merchant apart): the other aggregates read 0 and keep nothing; transactions and labels are
     * recorded as usual.
     */
    public InMemoryAggregateStore(StateSpec spec, Entity entity) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.only = entity;
        spec.aggregates().forEach(a -> state.put(a, new HashMap<>()));
    }

    @Override
    public Observation observe(FeatureTransaction tx) {
        AggregateState earlier = seen.get(tx.transactionId());
        if (earlier != null) {
            return new Observation(earlier, true);
        }
        long[] values = new long[spec.width()];
        int at = 0;
        for (Aggregate a : spec.aggregates()) {
            if (only != null && a.entity() != only) {
                at += a.width();
                continue;
            }
            Map<String, Object> byEntity = state.get(a);
            String key = a.entity().keyOf(tx);
            if (a instanceof ExactWindow w) {
                values[at] = exact(w, byEntity, key, tx);
            } else if (a instanceof LastEvent l) {
                values[at] = last(l, byEntity, key, tx.occurredAtMillis());
            } else if (a instanceof Tiles t) {
                tiles(t, byEntity, key, tx, values, at);
            } else if (a instanceof RecentMerchants m) {
                values[at] = merchants(m, byEntity, key, tx);
            }
            at += a.width();
        }
        AggregateState before = new AggregateState(spec, values);
        seen.put(tx.transactionId(), before);
        if (spec.countsLabels()) {
            records.put(tx.transactionId(),
                    new TransactionRecord(tx.cardKey(), tx.merchantKey(), tx.occurredAtMillis(), null, 0));
        }
        return new Observation(before, false);
    }

    /** Transaction id to instant, as Redis keeps the window (a sorted set of ids by instant). */
    @SuppressWarnings("unchecked")
    private static long exact(ExactWindow w, Map<String, Object> byEntity, String key, FeatureTransaction tx) {
        Map<String, Long> window = (Map<String, Long>) byEntity.computeIfAbsent(key, k -> new HashMap<String, Long>());
        long t = tx.occurredAtMillis();
        long from = t - w.length().toMillis();
        long count = window.values().stream().filter(m -> m >= from && m <= t).count();
        window.put(tx.transactionId(), t);
        window.values().removeIf(m -> m < from);
        return count;
    }

    private static long last(LastEvent l, Map<String, Object> byEntity, String key, long t) {
        Long last = (Long) byEntity.get(key);
        byEntity.put(key, last == null ? t : Math.max(last, t));
        return last == null || last < t - l.horizon().toMillis() ? -1 : last;
    }

    private static void tiles(Tiles t, Map<String, Object> byEntity, String key, FeatureTransaction tx, long[] values,
            int at) {
        EntityTiles e = (EntityTiles) byEntity.computeIfAbsent(key, k -> new EntityTiles());
        long current = t.tileOf(tx.occurredAtMillis());
        long oldest = t.oldestKept(Math.max(e.hi, current));
        for (int w = 0; w < t.windows().size(); w++) {
            long from = Math.max(t.from(w, current), oldest);
            long to = t.to(w, current);
            if (from > to) {
                continue;
            }
            for (long[] counters : e.tiles.subMap(from, true, to, true).values()) {
                for (int c = 0; c < t.counters().size(); c++) {
                    values[at + w * t.counters().size() + c] += counters[c];
                }
            }
        }
        e.hi = Math.max(e.hi, current);
        if (current < t.oldestKept(e.hi)) {
            return; // too late to be read by anyone
        }
        long[] tile = e.tiles.computeIfAbsent(current, k -> new long[t.counters().size()]);
        for (int c = 0; c < t.counters().size(); c++) {
            tile[c] += switch (t.counters().get(c)) {
                case COUNT -> 1;
                case AMOUNT -> tx.amountMinor();
                case FRAUD -> 0;
            };
        }
        e.tiles.headMap(t.oldestKept(e.hi)).clear();
    }

    @SuppressWarnings("unchecked")
    private static long merchants(RecentMerchants m, Map<String, Object> byEntity, String key, FeatureTransaction tx) {
        Map<String, Long> paid = (Map<String, Long>) byEntity.computeIfAbsent(key, k -> new HashMap<String, Long>());
        long t = tx.occurredAtMillis();
        Long last = paid.get(tx.merchantKey());
        boolean seen = last != null && last >= t - m.memory().toMillis();
        paid.put(tx.merchantKey(), last == null ? t : Math.max(last, t));
        while (paid.size() > m.capacity()) {
            // the least recently paid, ties broken by the key that sorts first, as Redis's ZREMRANGEBYRANK does
            String oldest = paid.entrySet().stream()
                    .min(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .orElseThrow().getKey();
            paid.remove(oldest);
        }
        return seen ? 1 : 0;
    }

    @Override
    public LabelOutcome recordLabel(TransactionLabel label) {
        if (!spec.countsLabels()) {
            throw new IllegalStateException("this state counts no labels");
        }
        TransactionRecord record = records.get(label.transactionId());
        if (record == null
                || !StateLayout.labelFinds(record.millis(), label.reportedAt().toEpochMilli(), spec.labelHorizon())) {
            return LabelOutcome.UNKNOWN_TRANSACTION;
        }
        if (record.label() != null) {
            return record.label() == label.label() ? LabelOutcome.REPEATED : LabelOutcome.CONFLICT;
        }
        records.put(label.transactionId(), record.labelled(label.label(), label.reportedAt().toEpochMilli()));
        if (label.label() == FraudLabel.FRAUD) {
            for (Tiles t : spec.labelledTiles()) {
                String key = t.entity() == Entity.CARD ? record.cardKey() : record.merchantKey();
                EntityTiles e = (EntityTiles) state.get(t).get(key);
                long tile = t.tileOf(record.millis());
                long[] counters = e == null ? null : e.tiles.get(tile);
                if (counters != null && tile >= t.oldestKept(e.hi)) {
                    counters[t.counters().indexOf(Counter.FRAUD)]++;
                }
            }
        }
        return LabelOutcome.RECORDED;
    }

    /** What this store keeps of {@code entityKey}'s {@code aggregate}; empty when nothing was written. */
    @SuppressWarnings("unchecked")
    public Optional<AggregateSnapshot> snapshot(Aggregate aggregate, String entityKey) {
        Map<String, Object> byEntity = state.get(aggregate);
        if (byEntity == null) {
            throw new IllegalArgumentException(aggregate.name() + " is not declared in this state");
        }
        Object kept = byEntity.get(entityKey);
        if (kept == null) {
            return Optional.empty();
        }
        if (aggregate instanceof ExactWindow) {
            return Optional.of(new AggregateSnapshot.Window((Map<String, Long>) kept));
        }
        if (aggregate instanceof LastEvent) {
            return Optional.of(new AggregateSnapshot.Last((Long) kept));
        }
        if (aggregate instanceof RecentMerchants) {
            return Optional.of(new AggregateSnapshot.Merchants((Map<String, Long>) kept));
        }
        Tiles t = (Tiles) aggregate;
        EntityTiles e = (EntityTiles) kept;
        TreeMap<Long, long[]> copy = new TreeMap<>();
        e.tiles.tailMap(t.oldestKept(e.hi), true).forEach((tile, counters) -> copy.put(tile, counters.clone()));
        return Optional.of(new AggregateSnapshot.TileRing(e.hi, Collections.unmodifiableSortedMap(copy)));
    }

    /** The record a later label would find for {@code transactionId}; empty when the state counts no labels. */
    public Optional<TransactionRecord> record(String transactionId) {
        return Optional.ofNullable(records.get(transactionId));
    }
}
