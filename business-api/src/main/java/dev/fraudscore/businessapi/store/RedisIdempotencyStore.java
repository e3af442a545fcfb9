package dev.fraudscore.businessapi.store;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * {@link IdempotencyStore} in Redis: one hash per caller and transaction id,
 * {@code <prefix>idem:<caller>:<transactionId>},
 * with field {@code h} (request fingerprint) and, once answered, {@code a} (the answer JSON), expiring
 * after the TTL. Each operation is one Lua script, so a request costs two round trips (claim, save).
 * Behind a circuit breaker ({@code idempotency}) so that a Redis outage costs a few requests a timeout,
 * not every request.
 */
public final class RedisIdempotencyStore implements IdempotencyStore {

    private static final Logger log = LoggerFactory.getLogger(RedisIdempotencyStore.class);

    private static final RedisScript<List> CLAIM = RedisScript.of("""
            local h = redis.call('HGET', KEYS[1], 'h')
            if not h then
              redis.call('HSET', KEYS[1], 'h', ARGV[1])
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
              return {'CLAIMED'}
            end
            if h ~= ARGV[1] then return {'CONFLICT'} end
            local a = redis.call('HGET', KEYS[1], 'a')
            if a then return {'ANSWERED', a} end
            return {'PENDING'}
            """, List.class);

    private static final RedisScript<Long> SAVE = RedisScript.of("""
            if redis.call('HGET', KEYS[1], 'h') ~= ARGV[1] then return 0 end
            redis.call('HSET', KEYS[1], 'a', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1
            """, Long.class);

    private static final RedisScript<Long> RELEASE = RedisScript.of("""
            if redis.call('HGET', KEYS[1], 'h') == ARGV[1] and redis.call('HEXISTS', KEYS[1], 'a') == 0 then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """, Long.class);

    private final StringRedisTemplate redis;
    private final String keyPrefix;
    private final String ttlMillis;
    private final CircuitBreaker breaker;

    public RedisIdempotencyStore(StringRedisTemplate redis, String keyPrefix, Duration ttl, CircuitBreaker breaker) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.ttlMillis = Long.toString(ttl.toMillis());
        this.breaker = breaker;
    }

    /** The Redis key of a caller's transaction id (neither may contain ':', so two keys never collide). */
    public String key(Key key) {
        return keyPrefix + "idem:" + key.caller() + ":" + key.transactionId();
    }

    @Override
    public Claim claim(Key key, String fingerprint) {
        try {
            List<?> reply = breaker.executeSupplier(() -> redis.execute(CLAIM, List.of(key(key)), fingerprint, ttlMillis));
            Claim.Status status = Claim.Status.valueOf(String.valueOf(reply.get(0)));
            return new Claim(status, reply.size() > 1 ? String.valueOf(reply.get(1)) : null);
        } catch (RuntimeException e) {
            warn("claim", key, e);
            return Claim.of(Claim.Status.UNAVAILABLE);
        }
    }

    @Override
    public void saveAnswer(Key key, String fingerprint, String answerJson) {
        try {
            breaker.executeSupplier(() -> redis.execute(SAVE, List.of(key(key)), fingerprint, answerJson, ttlMillis));
        } catch (RuntimeException e) {
            warn("save the answer of", key, e);
        }
    }

    @Override
    public void release(Key key, String fingerprint) {
        try {
            breaker.executeSupplier(() -> redis.execute(RELEASE, List.of(key(key)), fingerprint));
        } catch (RuntimeException e) {
            warn("release", key, e);
        }
    }

    private static void warn(String action, Key key, RuntimeException e) {
        if (e instanceof CallNotPermittedException) {
            log.debug("Idempotency store skipped (breaker open): could not {} {}", action, key);
        } else {
            log.warn("Idempotency store unavailable, answering without it: could not {} {} ({})", action, key,
                    e.getMessage());
        }
    }
}
