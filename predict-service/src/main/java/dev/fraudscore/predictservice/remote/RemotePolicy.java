package dev.fraudscore.predictservice.remote;

import java.time.Duration;

/**
 * How calls to a remote server are retried and when its circuit breaker opens; the same for every backend.
 *
 * @param connectAttempts     attempts of a call whose connection is refused (nothing was sent); 1 turns retries off
 * @param connectRetryWait    the wait before each further attempt
 * @param failureRate         the percentage of failed calls, in the breaker's window, that opens it
 * @param window              the calls the breaker looks at
 * @param minimumCalls        calls before the breaker may open at all
 * @param openFor             how long an open breaker fails fast before it lets trial calls through
 * @param trialCalls          calls let through when half open; their outcome closes or opens it again
 */
public record RemotePolicy(int connectAttempts, Duration connectRetryWait, float failureRate, int window,
        int minimumCalls, Duration openFor, int trialCalls) {

    public RemotePolicy {
        if (connectAttempts < 1 || window < 1 || minimumCalls < 1 || trialCalls < 1) {
            throw new IllegalArgumentException("attempts, window, minimum and trial calls must be at least 1");
        }
        if (!(failureRate > 0 && failureRate <= 100)) {
            throw new IllegalArgumentException("the failure rate must be a percentage in (0, 100], not " + failureRate);
        }
    }

    /**
     * Three attempts 20 ms apart on a refused connection (a restarting server, or one address of several that is down);
     * a breaker that opens when half of the last 20 calls (at least 10) failed, and tries 3 calls after 5 s.
     */
    public static RemotePolicy defaults() {
        return new RemotePolicy(3, Duration.ofMillis(20), 50, 20, 10, Duration.ofSeconds(5), 3);
    }
}
