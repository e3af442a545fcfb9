package dev.fraudscore.features;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The training-time history store: same semantics as the Redis store of feature-service, for a replay
 * in time order on one thread. Windows are trimmed by event time, as in Redis; merchant memory is
 * not expired (a replay spans far less than {@link HistoryWindows#MERCHANT_MEMORY}).
 */
public final class InMemoryHistoryStore implements HistoryStore {

    private record Entry(long millis, long amountMinor) {
    }

    private final Map<String, Deque<Entry>> windows = new HashMap<>();
    private final Map<String, Set<String>> merchants = new HashMap<>();
    private final Map<String, CardHistory> seen = new HashMap<>();

    @Override
    public Observation observe(FeatureTransaction tx) {
        CardHistory earlier = seen.get(tx.transactionId());
        if (earlier != null) {
            return new Observation(earlier, true);
        }
        long t = tx.occurredAtMillis();
        Deque<Entry> window = windows.computeIfAbsent(tx.cardKey(), k -> new ArrayDeque<>());
        long shortFrom = t - HistoryWindows.SHORT.toMillis();
        long longFrom = t - HistoryWindows.LONG.toMillis();
        long count1h = 0;
        long count24h = 0;
        long sum24h = 0;
        long last = -1;
        for (Entry e : window) {
            if (e.millis() > t || e.millis() < longFrom) {
                continue;
            }
            count24h++;
            sum24h += e.amountMinor();
            last = Math.max(last, e.millis());
            if (e.millis() >= shortFrom) {
                count1h++;
            }
        }
        Set<String> paid = merchants.computeIfAbsent(tx.cardKey(), k -> new HashSet<>());
        CardHistory history = new CardHistory(count1h, count24h, sum24h, last, paid.contains(tx.merchantKey()));

        window.addLast(new Entry(t, tx.amountMinor()));
        for (Iterator<Entry> it = window.iterator(); it.hasNext(); ) {
            if (it.next().millis() < longFrom) {
                it.remove();
            }
        }
        paid.add(tx.merchantKey());
        seen.put(tx.transactionId(), history);
        return new Observation(history, false);
    }
}
