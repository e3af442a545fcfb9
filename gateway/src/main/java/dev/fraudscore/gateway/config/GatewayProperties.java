package dev.fraudscore.gateway.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the public door, under {@code fraudscore.gateway}.
 *
 * @param upstream     base URL of business-api; {@code /fraud-score} and {@code /fraud-feedback} are forwarded there
 *                     with their paths unchanged
 * @param maxBodyBytes largest request body accepted; larger ones get 413 and are never forwarded
 * @param apiKeys      the callers allowed in, each with the SHA-256 (hex) of its key
 * @param rateLimit    the per-caller rate limit and where its token buckets live
 * @param ioThreads    threads of the one Netty event loop shared by the HTTP server, the client to business-api and
 *                     the rate limiter's Redis client (default 1: one core, about 1,500 requests a second at the
 *                     0.66 ms of CPU a request measured on this project's host, README "CPU budget"); with more, a request and the one Redis connection may sit on different threads,
 *                     and each rate-limit check costs a wake-up more
 * @param upstreamTimeout how long business-api may stay silent once a request was sent to it before the caller gets
 *                     504: it answers within its own deadline (300 ms), so this only catches a stuck one. Reactor
 *                     Netty's read timeout on the connection's own loop, not Spring Cloud Gateway's
 *                     {@code httpclient.response-timeout}, which sets a timer on Reactor's parallel scheduler for every
 *                     request and woke that thread about once a request (README "CPU budget")
 */
@Validated
@ConfigurationProperties("fraudscore.gateway")
public record GatewayProperties(
        @DefaultValue("http://localhost:8090") @NotNull URI upstream,
        @DefaultValue("65536") @Positive @Max(16 * 1024 * 1024) int maxBodyBytes,
        @DefaultValue @NotNull List<@Valid ApiKey> apiKeys,
        @DefaultValue @Valid RateLimit rateLimit,
        @DefaultValue("1") @Min(1) int ioThreads,
        @DefaultValue("2s") @NotNull Duration upstreamTimeout) {

    public GatewayProperties {
        if (upstream != null && (upstream.getHost() == null
                || !("http".equals(upstream.getScheme()) || "https".equals(upstream.getScheme())))) {
            throw new IllegalArgumentException(
                    "fraudscore.gateway.upstream must be an http(s) URL with a host, such as http://localhost:8090; got "
                            + upstream);
        }
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
    }

    /**
     * One caller. The name travels to business-api as {@code X-Caller}, hence the plain characters.
     *
     * @param name   the caller's name, e.g. {@code checkout}
     * @param sha256 hex SHA-256 of the key: {@code printf %s "$KEY" | sha256sum}
     * @param rateLimit this caller's own limit; absent: {@code fraudscore.gateway.rate-limit}'s default
     */
    public record ApiKey(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "use 1-64 of A-Z a-z 0-9 . _ -") String name,
            @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hex digits (printf %s \"$KEY\" | sha256sum)")
            String sha256,
            @Valid Limit rateLimit) {
    }

    /**
     * Requests per caller, as a token bucket in Redis (Spring Cloud Gateway's {@code RedisRateLimiter}).
     *
     * @param enabled       off: nothing is limited and Redis is never called
     * @param keyPrefix     goes into the buckets' keys ({@code request_rate_limiter.{<prefix><caller>}.tokens}), so
     *                      that deployments (and tests) sharing a Redis keep their own buckets
     * @param replenishRate the default limit: requests per second a caller may send, sustained
     * @param burstCapacity the default bucket size: requests a caller may send at once after a quiet spell
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("gw:") @NotNull String keyPrefix,
            @DefaultValue("2000") int replenishRate,
            @DefaultValue("2000") long burstCapacity) {

        public RateLimit {
            new Limit(replenishRate, burstCapacity); // a bad default stops startup with Limit's sentence
        }

        public Limit perCaller() {
            return new Limit(replenishRate, burstCapacity);
        }
    }

    /**
     * One token bucket's size and refill.
     *
     * @param replenishRate tokens (requests) added per second, whole (RedisRateLimiter's unit)
     * @param burstCapacity most tokens the bucket holds; at least the replenish rate
     */
    public record Limit(@Min(1) int replenishRate, @Min(1) long burstCapacity) {

        public Limit {
            if (replenishRate < 1 || burstCapacity < replenishRate) {
                throw new IllegalArgumentException("A rate limit needs a replenish-rate of at least 1 and a burst-capacity"
                        + " of at least the replenish-rate; got replenish-rate " + replenishRate + ", burst-capacity "
                        + burstCapacity);
            }
        }

        /**
         * Whole seconds until a refused caller has a token again: the bucket refills at each second of Redis's clock,
         * by the replenish rate, at least one.
         */
        public long retryAfterSeconds() {
            return 1;
        }
    }
}
