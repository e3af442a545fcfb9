package dev.fraudscore.features.state;

import java.time.Duration;

/**
 * The last {@code capacity} distinct merchants a card paid (by the latest instant it paid each), for "first time at
 * this merchant": 1 when the merchant is among them, 0 otherwise. Bounded: a card that pays more distinct merchants
 * forgets the one it paid least recently, and a later payment there reads as a first time. Ties on the instant drop
 * the merchant key that sorts first (bytewise, as Redis sorts members), so both stores forget the same one.
 */
public record RecentMerchants(String name, int capacity, Duration memory) implements Aggregate {

    public RecentMerchants {
        Names.require(name);
        if (capacity < 1 || memory.isNegative() || memory.isZero()) {
            throw new IllegalArgumentException("merchant memory " + name + " needs a positive capacity and duration;"
                    + " it has " + capacity + " and " + memory);
        }
    }

    @Override
    public Entity entity() {
        return Entity.CARD;
    }

    @Override
    public int width() {
        return 1;
    }

    @Override
    public Duration ttl() {
        return memory;
    }

    @Override
    public String describe() {
        return "merchants:" + name + ":" + capacity + ":" + memory.toMillis();
    }
}
