package dev.fraudscore.features.state;

import java.util.Map;
import java.util.SortedMap;

/**
 * What a store keeps of one entity's aggregate, after its last write: what a backfill copies into the serving
 * store. Read-only copies; the numbers mean what they mean in {@link InMemoryAggregateStore}.
 */
public sealed interface AggregateSnapshot {

    /** {@link ExactWindow}: the kept transactions, id to epoch millis. */
    record Window(Map<String, Long> members) implements AggregateSnapshot {
        public Window {
            members = Map.copyOf(members);
        }
    }

    /** {@link LastEvent}: the latest instant recorded. */
    record Last(long millis) implements AggregateSnapshot {
    }

    /** {@link Tiles}: the latest tile written and the kept tiles' counters, in the declared counter order. */
    record TileRing(long hi, SortedMap<Long, long[]> tiles) implements AggregateSnapshot {
    }

    /** {@link RecentMerchants}: the remembered merchants, key to the latest instant paid. */
    record Merchants(Map<String, Long> lastPaid) implements AggregateSnapshot {
        public Merchants {
            lastPaid = Map.copyOf(lastPaid);
        }
    }
}
