package dev.fraudscore.gateway.ratelimit;

import dev.fraudscore.gateway.config.GatewayProperties.Limit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import reactor.core.publisher.Mono;

/**
 * Each caller's token bucket, kept in Redis by Spring Cloud Gateway's {@link RedisRateLimiter} (one limiter per
 * distinct limit, as a limiter has one limit; one bucket per caller). Fails open: when Redis does not answer, the
 * request passes and is counted, and the outage is logged when it starts and when it ends, so that a Redis
 * outage never becomes an outage of the API. Until the Redis connection is first open (opened off the event loop,
 * service-support's {@code OffLoopConnection}) requests pass the same way, without touching Redis.
 */
public final class CallerRateLimits {

    /**
     * The route in the buckets' keys: {@code request_rate_limiter.{fraud-score.<prefix><caller>}.tokens}. One bucket
     * per caller, whichever path it calls (scores and feedback share it), named as before feedback had a route so
     * that a deployed caller's bucket carries over.
     */
    public static final String ROUTE = "fraud-score";
    private static final Logger log = LoggerFactory.getLogger(CallerRateLimits.class);

    /** @param limit the caller's limit, which a refusal quotes */
    public record Verdict(boolean allowed, Limit limit) {
    }

    private final Map<String, Limit> limits;
    private final Limit defaults;
    private final String keyPrefix;
    private final Map<Limit, RateLimiter<?>> buckets = new ConcurrentHashMap<>();
    private final Function<Limit, RateLimiter<?>> bucketsFor;
    private final BooleanSupplier redisOpen;
    private final MeterRegistry meters;
    private final Map<String, Counter> refused = new ConcurrentHashMap<>();
    private final Counter failedOpen;
    private final AtomicBoolean redisFailing = new AtomicBoolean();

    /**
     * @param callers    every caller, so that each one's count of refusals is there from the start, at 0
     * @param limits     callers with a limit of their own
     * @param defaults   everyone else's
     * @param bucketsFor the limiter enforcing one limit (a {@link RedisRateLimiter} in production)
     * @param redisOpen  whether the limiters' Redis connection is open, so that a check never has to open it
     */
    public CallerRateLimits(Collection<String> callers, Map<String, Limit> limits, Limit defaults, String keyPrefix,
            Function<Limit, RateLimiter<?>> bucketsFor, BooleanSupplier redisOpen, MeterRegistry meters) {
        this.limits = Map.copyOf(limits);
        this.defaults = defaults;
        this.keyPrefix = keyPrefix;
        this.bucketsFor = bucketsFor;
        this.redisOpen = redisOpen;
        this.meters = meters;
        this.failedOpen = Counter.builder("fraudscore.gateway.rate.limit.failed.open")
                .description("Requests let through unchecked because Redis did not answer the rate limiter")
                .register(meters);
        callers.forEach(this::refusedCounter);
    }

    public Mono<Verdict> check(String caller) {
        Limit limit = limits.getOrDefault(caller, defaults);
        if (!redisOpen.getAsBoolean()) {
            return Mono.just(failOpen(limit, "its connection is not open yet"));
        }
        RateLimiter<?> bucket = buckets.computeIfAbsent(limit, bucketsFor);
        return Mono.defer(() -> bucket.isAllowed(ROUTE, keyPrefix + caller))
                .map(response -> {
                    // RedisRateLimiter answers "allowed, -1 left" when Redis failed; it logs nothing we want per request
                    if ("-1".equals(response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER))) {
                        return failOpen(limit, "it failed");
                    }
                    if (redisFailing.compareAndSet(true, false)) {
                        log.info("Redis answers the rate limiter again: per-caller rate limits are enforced");
                    }
                    if (!response.isAllowed()) {
                        refusedCounter(caller).increment();
                    }
                    return new Verdict(response.isAllowed(), limit);
                })
                .onErrorResume(e -> Mono.just(failOpen(limit, e.toString())));
    }

    private Verdict failOpen(Limit limit, String why) {
        failedOpen.increment();
        if (redisFailing.compareAndSet(false, true)) {
            log.warn("Redis does not answer the rate limiter: requests pass without a rate limit until it does"
                    + " (counted in fraudscore_gateway_rate_limit_failed_open_total): {}", why);
        }
        return new Verdict(true, limit);
    }

    private Counter refusedCounter(String caller) {
        return refused.computeIfAbsent(caller, name -> Counter.builder("fraudscore.gateway.rate.limited")
                .description("Requests refused with 429 because their caller was over its rate limit")
                .tag("caller", name)
                .register(meters));
    }
}
