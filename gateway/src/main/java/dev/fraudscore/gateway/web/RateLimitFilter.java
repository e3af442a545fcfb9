package dev.fraudscore.gateway.web;

import dev.fraudscore.gateway.config.GatewayProperties.Limit;
import dev.fraudscore.gateway.ratelimit.CallerRateLimits;
import java.util.Map;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers 429 with {@code Retry-After} to a caller over its rate limit, after authentication (the bucket is the
 * caller's) and before the body is read, so a refusal costs one Redis call.
 */
public class RateLimitFilter implements GatewayFilter {

    private final CallerRateLimits limits;

    public RateLimitFilter(CallerRateLimits limits) {
        this.limits = limits;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String caller = ApiKeyFilter.callerOf(exchange);
        if (caller == null) {
            return chain.filter(exchange);
        }
        return limits.check(caller).flatMap(verdict -> verdict.allowed()
                ? chain.filter(exchange)
                : Mono.error(tooManyRequests(caller, verdict.limit())));
    }

    static GatewayProblem tooManyRequests(String caller, Limit limit) {
        long retryAfter = limit.retryAfterSeconds();
        return new GatewayProblem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Caller " + caller
                + " is over its rate limit of " + limit.replenishRate() + " requests a second (bursts of "
                + limit.burstCapacity() + "); retry after " + retryAfter + " s with the same transactionId, or ask for"
                + " a higher limit.", Map.of(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter)));
    }
}
