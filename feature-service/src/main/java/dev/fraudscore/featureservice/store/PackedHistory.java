package dev.fraudscore.featureservice.store;

import dev.fraudscore.features.CardHistory;

/**
 * Reads a history as {@code observe-card-history.lua} packs it: unsigned varints (7 bits a byte, low first) of
 * {@code count1h * 4 + merchantSeen * 2 + hasHigh}, {@code count24h}, {@code low}, {@code high} (only when
 * {@code hasHigh}), {@code lastSeenMillis + 1}, the 24 h amount sum being {@code high * 10^9 + low}. About 12
 * bytes where the text was 30.
 */
final class PackedHistory {

    private static final long SUM_SPLIT = 1_000_000_000L;

    private final byte[] bytes;
    private int at;

    private PackedHistory(byte[] bytes, int offset) {
        this.bytes = bytes;
        this.at = offset;
    }

    /** @throws IllegalStateException when the bytes from {@code offset} are not exactly one packed history */
    static CardHistory read(byte[] bytes, int offset) {
        PackedHistory in = new PackedHistory(bytes, offset);
        long head = in.varint();
        long count24h = in.varint();
        long low = in.varint();
        long high = (head & 1) == 1 ? in.varint() : 0;
        long lastSeen = in.varint() - 1;
        if (in.at != bytes.length) {
            throw new IllegalStateException("the packed history has " + (bytes.length - in.at) + " bytes too many");
        }
        return new CardHistory(head >>> 2, count24h, Math.addExact(Math.multiplyExact(high, SUM_SPLIT), low), lastSeen,
                (head & 2) == 2);
    }

    private long varint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at >= bytes.length) {
                throw new IllegalStateException("the packed history ends inside a number");
            }
            int b = bytes[at++] & 0xFF;
            value |= (long) (b & 0x7F) << shift;
            if (b < 0x80) {
                return value;
            }
        }
        throw new IllegalStateException("the packed history holds a number longer than 64 bits");
    }
}
