package dev.fraudscore.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.gateway.config.GatewayProperties.Limit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import reactor.core.publisher.Mono;

class CallerRateLimitsTest {

    static final Limit DEFAULT = new Limit(100, 200);
    static final Limit TIGHT = new Limit(1, 2);

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final List<Limit> bucketsMade = new ArrayList<>();
    final List<String> idsAsked = new ArrayList<>();
    Mono<RateLimiter.Response> answer = allowed(5);
    final AtomicBoolean redisOpen = new AtomicBoolean(true);

    final CallerRateLimits limits = new CallerRateLimits(List.of("dev", "tight"), Map.of("tight", TIGHT), DEFAULT,
            "gw:", limit -> {
                bucketsMade.add(limit);
                return new FakeLimiter();
            }, redisOpen::get, meters);

    @Test
    void passesACallerWithTokensLeft() {
        CallerRateLimits.Verdict verdict = limits.check("dev").block();

        assertThat(verdict.allowed()).isTrue();
        assertThat(verdict.limit()).isEqualTo(DEFAULT);
        assertThat(idsAsked).containsExactly("gw:dev");
        assertThat(refused("dev")).isZero();
        assertThat(failedOpen()).isZero();
    }

    @Test
    void refusesACallerWithoutTokensAndCountsItUnderItsName() {
        answer = Mono.just(new RateLimiter.Response(false, Map.of(RedisRateLimiter.REMAINING_HEADER, "0")));

        CallerRateLimits.Verdict verdict = limits.check("tight").block();

        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.limit()).isEqualTo(TIGHT);
        assertThat(refused("tight")).isEqualTo(1);
        assertThat(refused("dev")).as("counted from the start, per caller").isZero();
    }

    @Test
    void keepsOneBucketLimiterPerDistinctLimit() {
        limits.check("dev").block();
        limits.check("tight").block();
        limits.check("someone-else").block();
        limits.check("dev").block();

        assertThat(bucketsMade).containsExactlyInAnyOrder(DEFAULT, TIGHT);
        assertThat(idsAsked).containsExactly("gw:dev", "gw:tight", "gw:someone-else", "gw:dev");
    }

    @Test
    void failsOpenAndCountsWhenRedisFailedInsideTheLimiter() {
        // RedisRateLimiter's own answer when its script call failed: allowed, -1 tokens left
        answer = Mono.just(new RateLimiter.Response(true, Map.of(RedisRateLimiter.REMAINING_HEADER, "-1")));

        assertThat(limits.check("tight").block().allowed()).isTrue();
        assertThat(limits.check("tight").block().allowed()).isTrue();
        assertThat(failedOpen()).isEqualTo(2);
        assertThat(refused("tight")).isZero();
    }

    @Test
    void failsOpenWhenTheLimiterItselfFails() {
        answer = Mono.error(new IOException("Connection refused"));

        assertThat(limits.check("tight").block().allowed()).isTrue();
        assertThat(failedOpen()).isEqualTo(1);

        answer = Mono.just(new RateLimiter.Response(false, Map.of(RedisRateLimiter.REMAINING_HEADER, "0")));
        assertThat(limits.check("tight").block().allowed()).as("enforced again once Redis answers").isFalse();
    }

    @Test
    void passesAndCountsWithoutAskingRedisUntilItsConnectionIsOpen() {
        redisOpen.set(false);

        assertThat(limits.check("tight").block().allowed()).isTrue();
        assertThat(idsAsked).isEmpty();
        assertThat(failedOpen()).isEqualTo(1);

        redisOpen.set(true);
        answer = Mono.just(new RateLimiter.Response(false, Map.of(RedisRateLimiter.REMAINING_HEADER, "0")));
        assertThat(limits.check("tight").block().allowed()).as("enforced once the connection is open").isFalse();
        assertThat(idsAsked).containsExactly("gw:tight");
    }

    private static Mono<RateLimiter.Response> allowed(long left) {
        return Mono.just(new RateLimiter.Response(true, Map.of(RedisRateLimiter.REMAINING_HEADER, String.valueOf(left))));
    }

    private double refused(String caller) {
        return meters.get("fraudscore.gateway.rate.limited").tag("caller", caller).counter().count();
    }

    private double failedOpen() {
        return meters.get("fraudscore.gateway.rate.limit.failed.open").counter().count();
    }

    /** Spring Cloud Gateway's limiter interface, answering what the test sets. */
    private final class FakeLimiter implements RateLimiter<Object> {

        @Override
        public Mono<Response> isAllowed(String routeId, String id) {
            assertThat(routeId).isEqualTo(CallerRateLimits.ROUTE);
            idsAsked.add(id);
            return answer;
        }

        @Override
        public Map<String, Object> getConfig() {
            return new HashMap<>();
        }

        @Override
        public Class<Object> getConfigClass() {
            return Object.class;
        }

        @Override
        public Object newConfig() {
            return new Object();
        }
    }
}
