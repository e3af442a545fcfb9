package dev.fraudscore.batch;

import dev.fraudscore.features.state.Aggregate;
import dev.fraudscore.features.state.Entity;
import dev.fraudscore.features.state.StateSpec;
import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state a recent transaction was given (what online sits in its retry cache), as one entity's group knows it:
 * right for the aggregates of {@code entity}, meaningless for the others. A card's part and its merchant's make the
 * whole; they meet on the driver, as there are only the retry horizon's transactions.
 */
public record RecentState(String transactionId, String cardKey, long millis, Entity entity, long[] values)
        implements Serializable {

    /** Each transaction's whole state, from the card's part and the merchant's. */
    public static List<RecentState> whole(StateSpec spec, Collection<RecentState> parts) {
        Map<String, long[]> merged = new HashMap<>();
        Map<String, RecentState> any = new HashMap<>();
        for (RecentState part : parts) {
            long[] into = merged.computeIfAbsent(part.transactionId(), id -> new long[spec.width()]);
            any.putIfAbsent(part.transactionId(), part);
            int at = 0;
            for (Aggregate a : spec.aggregates()) {
                if (a.entity() == part.entity()) {
                    System.arraycopy(part.values(), at, into, at, a.width());
                }
                at += a.width();
            }
        }
        return merged.entrySet().stream().map(e -> {
            RecentState one = any.get(e.getKey());
            return new RecentState(e.getKey(), one.cardKey(), one.millis(), null, e.getValue());
        }).toList();
    }
}
