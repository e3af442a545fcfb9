package dev.fraudscore.features.state;

import java.time.Duration;
import java.util.Objects;

/**
 * Exact count of an entity's earlier transactions in {@code [t - length, t]}: every transaction kept, for a short
 * window only (O(transactions in the window)). Ties with {@code t} count as earlier, as in {@code fraud_v1}.
 */
public record ExactWindow(String name, Entity entity, Duration length) implements Aggregate {

    public ExactWindow {
        Names.require(name);
        Objects.requireNonNull(entity, "entity");
        if (length.isNegative() || length.isZero() || length.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("an exact window lasts more than 0 and at most a day (longer ones are"
                    + " tiles); " + name + " lasts " + length);
        }
    }

    @Override
    public int width() {
        return 1;
    }

    /** One hour of slack: a late transaction still finds the window it belongs to. */
    @Override
    public Duration ttl() {
        return length.plusHours(1);
    }

    @Override
    public String describe() {
        return "exact:" + name + ":" + entity + ":" + length.toMillis();
    }
}
