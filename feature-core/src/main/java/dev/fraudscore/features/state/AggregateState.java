package dev.fraudscore.features.state;

import java.util.Arrays;
import java.util.Objects;

/**
 * What the stores knew about a transaction's entities before it: every aggregate's numbers, in the order of the
 * {@link StateSpec}. The feature set reads them through its own aggregate declarations.
 */
public final class AggregateState {

    private final StateSpec spec;
    private final long[] values;

    public AggregateState(StateSpec spec, long[] values) {
        this.spec = Objects.requireNonNull(spec, "spec");
        if (values.length != spec.width()) {
            throw new IllegalArgumentException("the state has " + values.length + " numbers, its spec "
                    + spec.width());
        }
        this.values = values.clone();
    }

    /** Earlier transactions in the window. */
    public long count(ExactWindow window) {
        return values[spec.offset(window)];
    }

    /** The latest earlier transaction's epoch millis, or -1. */
    public long lastMillis(LastEvent last) {
        return values[spec.offset(last)];
    }

    /** The sum of {@code counter} over window {@code index} of {@code tiles}. */
    public long sum(Tiles tiles, int index, Counter counter) {
        return values[spec.offset(tiles) + tiles.position(index, counter)];
    }

    public boolean seen(RecentMerchants merchants) {
        return values[spec.offset(merchants)] != 0;
    }

    public long[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AggregateState other && spec == other.spec && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
