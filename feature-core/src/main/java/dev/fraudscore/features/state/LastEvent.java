package dev.fraudscore.features.state;

import java.util.Objects;
import java.time.Duration;

/**
 * The instant (epoch millis) of an entity's latest recorded transaction, -1 when none within {@code horizon}.
 * One number per entity; a transaction that arrives late never moves it back.
 */
public record LastEvent(String name, Entity entity, Duration horizon) implements Aggregate {

    public LastEvent {
        Names.require(name);
        Objects.requireNonNull(entity, "entity");
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("the horizon of " + name + " must be positive; it was " + horizon);
        }
    }

    @Override
    public int width() {
        return 1;
    }

    @Override
    public Duration ttl() {
        return horizon;
    }

    @Override
    public String describe() {
        return "last:" + name + ":" + entity + ":" + horizon.toMillis();
    }
}
