package dev.fraudscore.batch;

import dev.fraudscore.features.state.Aggregate;
import dev.fraudscore.features.state.AggregateSnapshot;
import dev.fraudscore.features.state.Counter;
import dev.fraudscore.features.state.StateLayout;
import dev.fraudscore.features.state.StateSpec;
import dev.fraudscore.features.state.Tiles;
import dev.fraudscore.features.state.TransactionRecord;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Spells a state as of the cut-off {@code T} in feature-service's Redis layout ({@link StateLayout}): the values
 * observe-aggregates.lua and record-label.lua would have left, and their TTLs as they would stand at {@code T}.
 *
 * <p>Online, every write sets a key's TTL afresh from the moment it happens, and Redis time runs with event time.
 * A backfill maps {@code T} to now: a key last written at {@code w} with TTL {@code d} has {@code w + d - T} left;
 * a key with nothing left is not written, as it would be gone online (and by each aggregate's TTL rule, nothing
 * read after {@code T} would have found it).
 */
public final class StateEncoder {

    private final StateLayout layout;
    private final StateSpec spec;
    private final long cutoffMillis;

    public StateEncoder(StateLayout layout, StateSpec spec, long cutoffMillis) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.cutoffMillis = cutoffMillis;
    }

    /** @param lastWriteMillis the entity's latest transaction: every observe rewrites every key it touches */
    public Optional<StateWrite> aggregate(Aggregate aggregate, String entityKey, AggregateSnapshot snapshot,
            long lastWriteMillis) {
        long ttl = lastWriteMillis + aggregate.ttl().toMillis() - cutoffMillis;
        if (ttl <= 0) {
            return Optional.empty();
        }
        String key = layout.aggregate(aggregate, entityKey);
        if (snapshot instanceof AggregateSnapshot.Last last) {
            return Optional.of(StateWrite.string(key, Long.toString(last.millis()), ttl));
        }
        if (snapshot instanceof AggregateSnapshot.Window window) {
            return members(key, window.members(), ttl);
        }
        if (snapshot instanceof AggregateSnapshot.Merchants merchants) {
            return members(key, merchants.lastPaid(), ttl);
        }
        return Optional.of(StateWrite.hash(key, tileFields((Tiles) aggregate, (AggregateSnapshot.TileRing) snapshot),
                ttl));
    }

    private static Optional<StateWrite> members(String key, Map<String, Long> scores, long ttl) {
        if (scores.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Double> members = new HashMap<>();
        scores.forEach((member, millis) -> members.put(member, (double) millis));
        return Optional.of(StateWrite.sortedSet(key, members, ttl));
    }

    /**
     * The ring as the script leaves it: {@code hi}, and per kept tile its count and amount (the script writes both
     * with every transaction, an amount of 0 included) and its fraud count once a label moved it.
     */
    static Map<String, String> tileFields(Tiles tiles, AggregateSnapshot.TileRing ring) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(StateLayout.TILE_HI, Long.toString(ring.hi()));
        ring.tiles().forEach((tile, counters) -> {
            for (int c = 0; c < counters.length; c++) {
                Counter counter = tiles.counters().get(c);
                if (counter != Counter.FRAUD || counters[c] != 0) {
                    fields.put(StateLayout.tileField(tiles, tile, counter), Long.toString(counters[c]));
                }
            }
        });
        return fields;
    }

    /** The state a transaction was given, as its retry cache holds it: the numbers in declared order, by ','. */
    public Optional<StateWrite> transactionCache(RecentState state, long txCacheTtlMillis) {
        long ttl = state.millis() + txCacheTtlMillis - cutoffMillis;
        if (ttl <= 0) {
            return Optional.empty();
        }
        String value = Arrays.stream(state.values()).mapToObj(Long::toString).collect(Collectors.joining(","));
        return Optional.of(StateWrite.string(layout.transaction(state.cardKey(), state.transactionId()), value, ttl));
    }

    /**
     * A transaction's label record: its field in its day's bucket, which is kept to the end of the day plus the label
     * horizon. Every record of a bucket gives it the same TTL, so the writes of many tasks into one bucket agree.
     */
    public Optional<StateWrite> labelRecord(String transactionId, TransactionRecord record) {
        long ttl = StateLayout.labelBucketExpiry(record.millis(), spec.labelHorizon()) - cutoffMillis;
        if (ttl <= 0) {
            return Optional.empty();
        }
        return Optional.of(StateWrite.hash(layout.labelBucket(transactionId, record.millis()),
                Map.of(transactionId, StateLayout.recordValue(record)), ttl));
    }
}
