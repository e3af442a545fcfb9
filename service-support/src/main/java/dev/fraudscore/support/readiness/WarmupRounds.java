package dev.fraudscore.support.readiness;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one warm-up loop: runs a side-effect-free call a number of times, or until a time budget is spent, so
 * that class loading, the JIT and connections are paid for before the service reports ready. A failing
 * round is counted and the loop carries on (the other side may still be starting); the first failure and
 * a summary are logged.
 */
public final class WarmupRounds {

    private static final Logger log = LoggerFactory.getLogger(WarmupRounds.class);

    private WarmupRounds() {
    }

    /** What a warm-up did. */
    public record Result(int rounds, int failures, Duration took) {
    }

    /**
     * @param what   what is warmed, for the log ("the calls to predict-service")
     * @param rounds the most rounds
     * @param budget the most time; the loop stops after the round that spends it
     */
    public static Result run(String what, int rounds, Duration budget, Runnable call) {
        long start = System.nanoTime();
        long stopAt = start + budget.toNanos();
        int done = 0;
        int failures = 0;
        while (done < rounds && System.nanoTime() - stopAt < 0) {
            done++;
            try {
                call.run();
            } catch (RuntimeException e) {
                if (failures++ == 0) {
                    log.info("A warm-up round of {} failed ({}); carrying on", what, e.getMessage());
                }
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        log.info("Warmed up {} in {} ms ({} rounds, {} failed)", what, took.toMillis(), done, failures);
        return new Result(done, failures, took);
    }
}
