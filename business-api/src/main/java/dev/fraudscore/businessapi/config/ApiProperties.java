package dev.fraudscore.businessapi.config;

import dev.fraudscore.domain.Decision;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fraudscore.api.*}: how business-api answers. The per-downstream timeouts and circuit breakers
 * are Resilience4j's own properties ({@code resilience4j.timelimiter.instances.<name>.timeout-duration},
 * {@code resilience4j.circuitbreaker.instances.<name>.*} for features, predict, postprocess).
 *
 * @param deadline           end-to-end budget of a request, from its arrival to the answer
 * @param postprocessReserve part of the deadline kept back from features and predict for postprocess
 * @param failMode           decision when postprocess-service cannot decide
 * @param maxClockSkew       how far in the future {@code occurredAt} may lie (callers' clocks drift)
 * @param maxBodySize        larger bodies get 413 (the gateway refuses them first)
 * @param metadataRefresh    how often the served model's metadata is re-read from predict-service
 * @param metadataRetry      how often it is retried while it has never been read
 * @param metadataTimeout    deadline of one metadata read (in the background, never on a request)
 * @param busyRetryAfter     the {@code Retry-After} of a 503 when the admission limit is reached (whole seconds, at
 *                           least 1)
 * @param warmupWait         how long the port stays closed at start, at most, waiting until predict-service has said
 *                           what it serves and the calls to it are warm; after that the port opens and requests are
 *                           answered degraded until it has ({@code 0s}: open at once)
 * @param breakerGrace       how long after the port opens the circuit breakers only count: a JVM that has just
 *                           opened its port misses deadlines while it compiles, which must not shut healthy
 *                           downstreams out ({@code 0s}: none)
 */
@Validated
@ConfigurationProperties("fraudscore.api")
public record ApiProperties(
        @DefaultValue("300ms") @NotNull Duration deadline,
        @DefaultValue("40ms") @NotNull Duration postprocessReserve,
        @DefaultValue("REVIEW") @NotNull Decision failMode,
        @DefaultValue("5m") @NotNull Duration maxClockSkew,
        @DefaultValue("64KB") @NotNull DataSize maxBodySize,
        @DefaultValue("30s") @NotNull Duration metadataRefresh,
        @DefaultValue("1s") @NotNull Duration metadataRetry,
        @DefaultValue("1s") @NotNull Duration metadataTimeout,
        @DefaultValue("1s") @NotNull @DurationMin(seconds = 1, message = "must be at least 1 s") Duration busyRetryAfter,
        @DefaultValue("30s") @NotNull @DurationMin(seconds = 0, message = "must not be negative") Duration warmupWait,
        @DefaultValue("5s") @NotNull @DurationMin(seconds = 0, message = "must not be negative") Duration breakerGrace,
        @DefaultValue @Valid Currency currency,
        @DefaultValue @Valid Downstream downstream,
        @DefaultValue @Valid Idempotency idempotency,
        @DefaultValue @Valid Admission admission) {

    /**
     * @param base  ISO 4217 code amounts are normalised to
     * @param rates value of one unit of each accepted currency in the base currency; when not set, a
     *              built-in table (EUR, USD, GBP, CHF, JPY, SEK, NOK, DKK, PLN, CZK, CAD, AUD); when set, it
     *              replaces that table
     */
    public record Currency(@DefaultValue("EUR") @Pattern(regexp = "[A-Z]{3}") String base, Map<String, BigDecimal> rates) {
    }

    /**
     * {@code host:port} of each downstream's gRPC server (plaintext).
     *
     * @param ioThreads the threads of the event loop the three channels share: one keeps a request's calls on one
     *                  thread (each answer sends the next call where it was read); a thread is at most a core
     */
    public record Downstream(
            @DefaultValue("localhost:9091") @NotBlank String features,
            @DefaultValue("localhost:9092") @NotBlank String predict,
            @DefaultValue("localhost:9093") @NotBlank String postprocess,
            @DefaultValue("1") @Min(1) int ioThreads) {
    }

    /**
     * @param keyPrefix prefix of the Redis keys (the records' day buckets {@code <prefix>idem:{<day>:<bucket>}} and
     *                  the answer skeletons' {@code <prefix>{answer-skeletons}:<day>})
     * @param ttl       the idempotency store's retention: an id is remembered, with its answer, until the end of the
     *                  UTC day it was claimed plus this, so between the TTL and the TTL plus a day; a retry after
     *                  that is scored as a new transaction
     */
    public record Idempotency(
            @DefaultValue("api:") @NotNull String keyPrefix,
            @DefaultValue("24h") @NotNull @DurationMin(seconds = 1, message = "must be at least 1 s") Duration ttl) {
    }

    /**
     * How many requests are scored at once; one more is answered 503 with {@code Retry-After} at once, before any Redis
     * or gRPC work.
     *
     * @param maxConcurrent the most, and where the limit starts
     * @param minConcurrent the least an adaptive limit falls to
     * @param adaptive      whether the limit follows the answers' times (Gradient2 of Netflix's concurrency-limits:
     *                      it falls while answers slow down as more are in flight, and climbs back as they speed
     *                      up) or stays at {@code maxConcurrent}
     */
    public record Admission(
            @DefaultValue("64") @Min(1) int maxConcurrent,
            @DefaultValue("8") @Min(1) int minConcurrent,
            @DefaultValue("true") boolean adaptive) {

        @AssertTrue(message = "min-concurrent must not be above max-concurrent")
        public boolean isOrdered() {
            return minConcurrent <= maxConcurrent;
        }
    }
}
