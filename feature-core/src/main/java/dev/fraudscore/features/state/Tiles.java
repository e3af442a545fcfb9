package dev.fraudscore.features.state;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Counters per time tile (e.g. one per UTC day) of an entity, summed over windows of whole tiles, so that a window
 * of 30 days costs 30 tiles whatever the number of transactions.
 *
 * <p>With no delay, a window of {@code w} tiles is the current tile (so far) and the {@code w - 1} before it:
 * {@code [D - w + 1, D]} where {@code D} is the tile of {@code t}. With a delay of {@code d} tiles it is the
 * {@code w} tiles that end before the tile {@code d} before the current one: {@code [D - d - w, D - d - 1]}, so that
 * everything it counts is at least the delay old (the Fraud Detection Handbook's {@code [t - d - w, t - d)},
 * aligned on tiles).
 *
 * <p>An entity keeps {@link #keep()} tiles back from the latest tile a transaction wrote ({@code hi}); a tile older
 * than that is never read, nor written by a late label. Both stores apply this rule, so they agree even when
 * transactions arrive out of order.
 *
 * @param tile how long a tile lasts; it divides a day, so tiles are aligned on UTC days
 * @param windows window lengths in tiles, e.g. 1, 7, 30
 * @param delay the delay as a whole number of tiles; 0 for none
 */
public record Tiles(String name, Entity entity, Duration tile, List<Integer> windows, int delay,
        List<Counter> counters) implements Aggregate {

    public Tiles {
        Names.require(name);
        Objects.requireNonNull(entity, "entity");
        if (tile.isNegative() || tile.isZero() || Duration.ofDays(1).toMillis() % tile.toMillis() != 0) {
            throw new IllegalArgumentException("a tile of " + name + " divides a day; it was " + tile);
        }
        windows = List.copyOf(windows);
        counters = List.copyOf(counters);
        if (windows.isEmpty() || windows.stream().anyMatch(w -> w < 1) || counters.isEmpty()
                || counters.stream().distinct().count() != counters.size() || delay < 0) {
            throw new IllegalArgumentException("tiles " + name + " need positive windows, distinct counters and a"
                    + " delay of at least 0; they have " + windows + ", " + counters + ", " + delay);
        }
        if (counters.contains(Counter.FRAUD) && !counters.contains(Counter.COUNT)) {
            // a label lands only in a tile its transaction made, which the count field marks in Redis
            throw new IllegalArgumentException("tiles " + name + " count labels, so they count transactions too");
        }
    }

    /** Daily tiles (UTC days). */
    public static Tiles daily(String name, Entity entity, List<Integer> days, int delayDays, Counter... counters) {
        return new Tiles(name, entity, Duration.ofDays(1), days, delayDays, List.of(counters));
    }

    @Override
    public int width() {
        return windows.size() * counters.size();
    }

    /** How many tiles back from the latest written one an entity keeps. */
    public int keep() {
        int longest = 0;
        for (int w : windows) { // a loop, not a stream: the stores ask on every transaction
            longest = Math.max(longest, w);
        }
        return delay == 0 ? longest : delay + longest + 1;
    }

    /** Every tile kept, plus one of slack for a late write. */
    @Override
    public Duration ttl() {
        return tile.multipliedBy(keep() + 1L);
    }

    /** The tile of an instant. */
    public long tileOf(long millis) {
        return Math.floorDiv(millis, tile.toMillis());
    }

    /** The first tile of window {@code index} for a transaction in tile {@code current}. */
    public long from(int index, long current) {
        int w = windows.get(index);
        return delay == 0 ? current - w + 1 : current - delay - w;
    }

    /** The last tile (inclusive) of window {@code index} for a transaction in tile {@code current}. */
    public long to(int index, long current) {
        return delay == 0 ? current : current - delay - 1;
    }

    /** The oldest tile still read or written when the latest tile written is {@code hi}. */
    public long oldestKept(long hi) {
        return hi - keep() + 1;
    }

    public boolean counts(Counter counter) {
        return counters.contains(counter);
    }

    /** Where the sum of {@code counter} over window {@code index} lies among this aggregate's numbers. */
    public int position(int index, Counter counter) {
        int c = counters.indexOf(counter);
        if (c < 0) {
            throw new IllegalArgumentException("tiles " + name + " do not count " + counter);
        }
        return index * counters.size() + c;
    }

    @Override
    public String describe() {
        return "tiles:" + name + ":" + entity + ":" + tile.toMillis() + ":" + windows + ":delay=" + delay + ":"
                + counters.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
