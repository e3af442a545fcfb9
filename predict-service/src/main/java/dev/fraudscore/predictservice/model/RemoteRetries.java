package dev.fraudscore.predictservice.model;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * When a failed version whose forward pass runs on a remote server is loaded again. Its files need not change for
 * it to work again (the remote comes back, or stops answering nonsense), so it is retried on a backoff: one poll
 * period after the failure, then twice as long after each further failure, at most {@link #LONGEST} apart (or one
 * period, when the period is longer). Used by the manager's thread only.
 */
final class RemoteRetries {

    static final Duration LONGEST = Duration.ofMinutes(1);

    private final Clock clock;
    private final Map<String, Retry> retries = new HashMap<>();
    private Duration first = Duration.ofSeconds(5);

    RemoteRetries(Clock clock) {
        this.clock = clock;
    }

    /** The wait before the first retry: the poll period, so a recovered remote is back within about one. */
    void firstAfter(Duration period) {
        first = period;
    }

    /** {@code ref} failed (again) now: its next retry is due after a longer wait. */
    void failed(String ref) {
        int failures = retries.containsKey(ref) ? retries.get(ref).failures() + 1 : 1;
        Duration longest = first.compareTo(LONGEST) > 0 ? first : LONGEST;
        Duration wait = first;
        for (int i = 1; i < failures && wait.compareTo(longest) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        retries.put(ref, new Retry(clock.instant().plus(wait.compareTo(longest) > 0 ? longest : wait), failures));
    }

    /** Whether a failed {@code ref} may be tried again now. */
    boolean due(String ref) {
        Retry retry = retries.get(ref);
        return retry != null && !clock.instant().isBefore(retry.at());
    }

    /** {@code ref} loaded, or is no longer remote: nothing to retry. */
    void forget(String ref) {
        retries.remove(ref);
    }

    private record Retry(Instant at, int failures) {
    }
}
