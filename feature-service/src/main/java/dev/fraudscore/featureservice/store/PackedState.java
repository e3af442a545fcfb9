package dev.fraudscore.featureservice.store;

import dev.fraudscore.features.state.AggregateState;
import dev.fraudscore.features.state.StateSpec;

/**
 * Reads a declared state as {@code observe-aggregates.lua} packs it for its transaction cache: per number in declared
 * order, an unsigned varint of {@code low * 4 + negative * 2 + hasHigh}, then one of {@code high} when
 * {@code hasHigh}, the number being {@code high * 10^9 + low}, negated when {@code negative}. The script keeps sums in
 * two halves to stay exact in Lua's doubles; packed, a state of {@code fraud_v2} takes about 30 bytes where its
 * decimal text took 58, within the 64 bytes a value of a listpack-encoded bucket may have.
 */
final class PackedState {

    private static final long SPLIT = 1_000_000_000L;

    private PackedState() {
    }

    /** @throws IllegalStateException when the bytes from {@code offset} are not exactly one state of {@code spec} */
    static AggregateState read(StateSpec spec, byte[] bytes, int offset) {
        Varints in = new Varints(bytes, offset, "packed state");
        long[] values = new long[spec.width()];
        for (int i = 0; i < values.length; i++) {
            long head = in.next();
            long high = (head & 1) == 1 ? in.next() : 0;
            long magnitude = Math.addExact(Math.multiplyExact(high, SPLIT), head >>> 2);
            values[i] = (head & 2) == 2 ? -magnitude : magnitude;
        }
        in.requireEnd();
        return new AggregateState(spec, values);
    }
}
