package dev.fraudscore.support.logging;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * At most one log line a period for a fault that recurs with every request (a downstream or Redis down): a line
 * each would flood the log at the request rate. The line that is written says how many were not. Metrics count
 * every occurrence; this only decides what reaches the log.
 */
public final class LogThrottle {

    private final Duration period;
    private final RateLimiter lines;
    private final LongAdder unlogged = new LongAdder();

    public LogThrottle(String name, Duration period) {
        this.period = period;
        this.lines = RateLimiter.of(name, RateLimiterConfig.custom()
                .limitForPeriod(1).limitRefreshPeriod(period).timeoutDuration(Duration.ZERO).build());
    }

    /**
     * For one occurrence: the number of occurrences not logged since the last line when this one is to be logged,
     * else empty (and it is counted).
     */
    public OptionalLong next() {
        if (lines.acquirePermission()) {
            return OptionalLong.of(unlogged.sumThenReset());
        }
        unlogged.increment();
        return OptionalLong.empty();
    }

    /** "(N more not logged since the last line; at most one line every P s)", for the end of the line. */
    public String suffix(long unloggedBefore) {
        return "(" + unloggedBefore + " more not logged since the last line; at most one line every "
                + period.toSeconds() + " s)";
    }
}
