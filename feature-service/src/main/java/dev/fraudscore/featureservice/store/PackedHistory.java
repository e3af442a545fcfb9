package dev.fraudscore.featureservice.store;

import dev.fraudscore.features.CardHistory;

/**
 * Reads a history as {@code observe-card-history.lua} packs it: unsigned varints of
 * {@code count1h * 4 + merchantSeen * 2 + hasHigh}, {@code count24h}, {@code low}, {@code high} (only when
 * {@code hasHigh}), {@code lastSeenMillis + 1}, the 24 h amount sum being {@code high * 10^9 + low}. About 12
 * bytes where the text was 30.
 */
final class PackedHistory {

    private static final long SUM_SPLIT = 1_000_000_000L;

    private PackedHistory() {
    }

    /** @throws IllegalStateException when the bytes from {@code offset} are not exactly one packed history */
    static CardHistory read(byte[] bytes, int offset) {
        Varints in = new Varints(bytes, offset, "packed history");
        long head = in.next();
        long count24h = in.next();
        long low = in.next();
        long high = (head & 1) == 1 ? in.next() : 0;
        long lastSeen = in.next() - 1;
        in.requireEnd();
        return new CardHistory(head >>> 2, count24h, Math.addExact(Math.multiplyExact(high, SUM_SPLIT), low), lastSeen,
                (head & 2) == 2);
    }
}
