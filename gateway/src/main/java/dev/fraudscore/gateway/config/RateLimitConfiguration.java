package dev.fraudscore.gateway.config;

import dev.fraudscore.gateway.config.GatewayProperties.ApiKey;
import dev.fraudscore.gateway.config.GatewayProperties.Limit;
import dev.fraudscore.gateway.ratelimit.CallerRateLimits;
import dev.fraudscore.gateway.web.RateLimitFilter;
import dev.fraudscore.support.redis.OffLoopConnection;
import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/** The per-caller rate limit: its Redis token buckets, and the filter that answers 429. */
@Configuration(proxyBeanMethods = false)
public class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    /**
     * While Redis is disconnected, a command fails at once instead of waiting for a reconnect until its timeout:
     * the limiter then fails open without adding that wait to every request.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    /**
     * The limiter's shared Redis connection, opened off the event loop Lettuce shares with the server (at start, and
     * at most once a second while Redis refuses); none when the limits are off.
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "fraudscore.gateway.rate-limit.enabled", matchIfMissing = true)
    OffLoopConnection<Boolean> rateLimiterRedis(ReactiveRedisConnectionFactory redis) {
        OffLoopConnection<Boolean> connection = new OffLoopConnection<>("the rate limiter's Redis connection", () -> {
            redis.getReactiveConnection().close(); // the shared connection stays open
            return true;
        }, Duration.ofSeconds(1));
        connection.get();
        return connection;
    }

    @Bean
    GatewayFilter rateLimitFilter(GatewayProperties properties, ReactiveStringRedisTemplate redis,
            @Qualifier(RedisRateLimiter.REDIS_SCRIPT_NAME) RedisScript<List<Long>> script,
            ObjectProvider<OffLoopConnection<Boolean>> redisOpen, MeterRegistry meters) {
        GatewayProperties.RateLimit settings = properties.rateLimit();
        if (!settings.enabled()) {
            log.warn("Rate limits are off (fraudscore.gateway.rate-limit.enabled=false): no caller is limited");
            return (exchange, chain) -> chain.filter(exchange);
        }
        Map<String, Limit> own = properties.apiKeys().stream().filter(key -> key.rateLimit() != null)
                .collect(Collectors.toMap(ApiKey::name, ApiKey::rateLimit, (first, rotated) -> first));
        log.info("Rate limits: {} requests/s, bursts of {} per caller by default{}", settings.replenishRate(),
                settings.burstCapacity(), own.isEmpty() ? "" : "; own limits for " + own.keySet());
        List<String> callers = properties.apiKeys().stream().map(ApiKey::name).toList();
        RedisScript<List<Long>> readOnce = readOnce(script);
        return new RateLimitFilter(new CallerRateLimits(callers, own, settings.perCaller(), settings.keyPrefix(),
                limit -> redisBuckets(limit, redis, readOnce), redisOpen.getObject()::isOpen, meters));
    }

    /**
     * Spring Cloud Gateway's token-bucket script with its text read once. Its own bean reads the script from a class
     * path resource and asks the resource for its modification time before every call, to reload a changed file:
     * two class path lookups a request, about 5 % of the gateway's CPU in a JFR profile (README "CPU budget").
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static RedisScript<List<Long>> readOnce(RedisScript<List<Long>> script) {
        return RedisScript.of(script.getScriptAsString(), (Class) List.class);
    }

    private static RedisRateLimiter redisBuckets(Limit limit, ReactiveStringRedisTemplate redis,
            RedisScript<List<Long>> script) {
        RedisRateLimiter limiter = new RedisRateLimiter(redis, script, null);
        limiter.getConfig().put(CallerRateLimits.ROUTE, new RedisRateLimiter.Config()
                .setReplenishRate(limit.replenishRate())
                .setBurstCapacity(limit.burstCapacity()));
        return limiter;
    }
}
