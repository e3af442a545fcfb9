package dev.fraudscore.features;

/**
 * What was known about a card before a transaction: its aggregates over the sliding windows of
 * {@link HistoryWindows}, computed from the transactions recorded at or before the transaction's
 * instant (a tie counts as earlier: it arrived first).
 *
 * @param lastSeenMillis the instant of the card's latest earlier transaction in the 24 h window, or
 *     -1 when there is none
 */
public record CardHistory(
        long txCount1h,
        long txCount24h,
        long amountSum24hMinor,
        long lastSeenMillis,
        boolean merchantSeen) {

    public static final CardHistory EMPTY = new CardHistory(0, 0, 0, -1, false);

    public boolean hasLastSeen() {
        return lastSeenMillis >= 0;
    }
}
