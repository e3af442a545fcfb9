package dev.fraudscore.featureservice.store;

import dev.fraudscore.features.HistoryWindows;
import java.time.Duration;

/**
 * How long Redis keeps what a card left behind, counted from its latest transaction.
 *
 * @param window the sliding window; longer than {@link HistoryWindows#LONG} so a quiet card keeps
 *     its last day until it is no longer needed
 * @param merchants the merchants the card paid
 * @param transactionCache the history returned to a transaction id (the retry horizon): kept at least this long
 *     after the transaction arrived, at most a day more (day buckets, see {@link TransactionCacheKeys})
 */
public record HistoryTtls(Duration window, Duration merchants, Duration transactionCache) {

    public HistoryTtls {
        if (window.compareTo(HistoryWindows.LONG) <= 0) {
            throw new IllegalArgumentException("the window TTL must exceed the " + HistoryWindows.LONG.toHours()
                    + " h window, or a card's last day could vanish while still counted; it was " + window);
        }
        requirePositive("merchant memory", merchants);
        requirePositive("transaction cache", transactionCache);
    }

    public static HistoryTtls of(Duration window, Duration transactionCache) {
        return new HistoryTtls(window, HistoryWindows.MERCHANT_MEMORY, transactionCache);
    }

    private static void requirePositive(String name, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the " + name + " TTL must be positive; it was " + ttl);
        }
    }
}
