package dev.fraudscore.businessapi.config;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.limit.FixedLimit;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limit.WindowedLimit;
import com.netflix.concurrency.limits.limiter.AbstractLimiter;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import java.util.function.LongSupplier;

/**
 * The limit on requests scored at once ({@code fraudscore.api.admission}). Adaptive, it is Netflix concurrency-limits'
 * Gradient2 over windows of at least a second: it starts at the ceiling and stays there while answers take as long as
 * they usually do or fewer than half the limit are in flight; when answers slow down with many in flight (they queue:
 * a cold JVM, a CPU short of the load) it falls, at most to the floor, so the requests accepted keep their latency, and
 * it climbs back as they speed up again.
 */
final class ScoringAdmission {

    private ScoringAdmission() {
    }

    /** @param nanoClock the time the answers are measured with ({@link System#nanoTime()}; tests move their own) */
    static AbstractLimiter<Void> limiter(ApiProperties.Admission admission, LongSupplier nanoClock) {
        Limit limit = admission.adaptive()
                ? WindowedLimit.newBuilder().build(Gradient2Limit.newBuilder()
                        .initialLimit(admission.maxConcurrent())
                        .maxConcurrency(admission.maxConcurrent())
                        .minLimit(admission.minConcurrent())
                        .build())
                : FixedLimit.of(admission.maxConcurrent());
        return SimpleLimiter.newBuilder().named("scoring").limit(limit).nanoClock(nanoClock).build();
    }
}
