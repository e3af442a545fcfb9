package dev.fraudscore.predictservice.remote.internal;

import dev.fraudscore.predictservice.remote.RemoteBackendException;
import dev.fraudscore.predictservice.remote.RemotePolicy;
import dev.fraudscore.predictservice.remote.TorchServeBackend;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One remote server and model as the versions that use it see it: an HTTP client, a retry and a circuit breaker.
 *
 * <p>The retry rule: a call is sent again only when the server refused the TCP connection
 * ({@link java.net.ConnectException}, so nothing of the request left this process) and the deadline is not spent.
 * An answer of any status, a timeout, or a connection broken after it was made are never retried: the server may
 * have scored the batch, and scoring it twice would double the remote's load when it can least take it.
 *
 * <p>The breaker sees each call once, after its retries, and counts every failure: a remote that refuses, stalls,
 * answers 5xx or answers nonsense opens it, and requests then fail fast as UNAVAILABLE.
 */
public final class RemoteBackend implements AutoCloseable {

    private final TorchServeBackend remote;
    private final RemotePolicy policy;
    private final Clock clock;
    private final TorchServeClient client;
    private final Retry retry;
    private final CircuitBreaker breaker;

    /** @param clock the batch queues' clock: deadlines are read from it */
    public RemoteBackend(TorchServeBackend remote, RemotePolicy policy, Clock clock) {
        this.remote = remote;
        this.policy = policy;
        this.clock = clock;
        this.client = new TorchServeClient(remote);
        String name = client.predictionsUrl().toString();
        this.retry = Retry.of(name, RetryConfig.custom()
                .maxAttempts(policy.connectAttempts())
                .waitDuration(policy.connectRetryWait())
                .retryOnException(e -> e instanceof RemoteBackendException failure && failure.connectionRefused())
                .build());
        this.breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(policy.window())
                .minimumNumberOfCalls(policy.minimumCalls())
                .failureRateThreshold(policy.failureRate())
                .waitDurationInOpenState(policy.openFor())
                .permittedNumberOfCallsInHalfOpenState(policy.trialCalls())
                .clock(clock)
                .build());
    }

    public TorchServeBackend remote() {
        return remote;
    }

    /** {@code <url>/predictions/<model>[/<version>]}. */
    public String predictionsUrl() {
        return client.predictionsUrl().toString();
    }

    /**
     * Scores {@code rows} on the remote, cut at {@code deadline} (or at backend.callTimeout when that comes first).
     *
     * @throws RemoteBackendException naming the remote and why there are no scores
     */
    public float[] predict(float[][] rows, Instant deadline) {
        if (!clock.instant().isBefore(deadline)) {
            throw RemoteFailures.deadlinePassed(remote);
        }
        byte[] body = TorchServeWire.rows(rows);
        try {
            return breaker.executeCheckedSupplier(retry.decorateCheckedSupplier(() -> attempt(body, rows.length, deadline)));
        } catch (CallNotPermittedException open) {
            throw RemoteFailures.breakerOpen(remote, breaker.getMetrics().getFailureRate(), policy.openFor());
        } catch (RemoteBackendException failure) {
            throw failure.connectionRefused()
                    ? RemoteFailures.refused(remote, policy.connectAttempts(), failure.getCause())
                    : failure;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable checked) {
            // attempt() throws no checked exception; Resilience4j's checked supplier only declares one
            throw new IllegalStateException("the call to " + remote.describe() + " failed unexpectedly", checked);
        }
    }

    /** {@code GET /ping} within backend.callTimeout: empty when healthy, else why not. */
    public Optional<String> unhealthy() {
        return client.unhealthy(remote.callTimeout());
    }

    public Retry retry() {
        return retry;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    private float[] attempt(byte[] body, int rows, Instant deadline) {
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw RemoteFailures.deadlinePassed(remote);
        }
        boolean deadlineCuts = left.compareTo(remote.callTimeout()) <= 0;
        return client.predict(body, rows, deadlineCuts ? left : remote.callTimeout(), deadlineCuts);
    }

    @Override
    public void close() {
        client.close();
    }
}
