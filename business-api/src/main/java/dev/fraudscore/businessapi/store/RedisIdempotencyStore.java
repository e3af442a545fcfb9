package dev.fraudscore.businessapi.store;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.GenericToStringSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * {@link IdempotencyStore} in Redis: one string per caller and transaction id,
 * {@code <prefix>idem:<caller>:<transactionId>}, holding the first 16 bytes of the request's fingerprint and,
 * once answered, the answer in its compact form ({@link CompactAnswers}), expiring after the TTL. Each operation
 * is one Lua script, so a request costs two round trips (claim, save), and a third the first time an instance
 * meets a skeleton that day. Behind a circuit breaker ({@code idempotency}) so that a Redis outage costs a few
 * requests a timeout, not every request.
 *
 * <p>Sixteen bytes of SHA-256 tell two bodies apart as surely as thirty-two here: an accidental match is a
 * 2^-128 chance, and a caller crafting two bodies with the same first 16 bytes would need some 2^64 hashes.
 * Keys written before this format (hashes: {@code h} the fingerprint in hex, {@code a} the answer JSON) are
 * still read and answered until they expire.
 */
public final class RedisIdempotencyStore implements IdempotencyStore {

    private static final Logger log = LoggerFactory.getLogger(RedisIdempotencyStore.class);

    static final int FINGERPRINT_BYTES = 16;

    private static final RedisScript<byte[]> CLAIM = script("idempotency-claim", byte[].class);
    private static final RedisScript<Long> SAVE = script("idempotency-save", Long.class);
    private static final RedisScript<Long> RELEASE = script("idempotency-release", Long.class);
    private static final RedisSerializer<byte[]> BYTES = RedisSerializer.byteArray();
    private static final RedisSerializer<Long> COUNT = new GenericToStringSerializer<>(Long.class);

    private final StringRedisTemplate redis;
    private final String keyPrefix;
    private final byte[] ttlMillis;
    private final CircuitBreaker breaker;
    private final CompactAnswers answers;

    public RedisIdempotencyStore(StringRedisTemplate redis, String keyPrefix, Duration ttl, CircuitBreaker breaker,
            Clock clock) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.ttlMillis = ascii(Long.toString(ttl.toMillis()));
        this.breaker = breaker;
        this.answers = new CompactAnswers(new SkeletonDictionary(redis, keyPrefix, ttl, clock));
    }

    /** The Redis key of a caller's transaction id (neither may contain ':', so two keys never collide). */
    public String key(Key key) {
        return keyPrefix + "idem:" + key.caller() + ":" + key.transactionId();
    }

    @Override
    public Claim claim(Key key, String fingerprint) {
        try {
            return breaker.executeSupplier(() -> {
                byte[] reply = redis.execute(CLAIM, BYTES, BYTES, List.of(key(key)), compact(fingerprint), ttlMillis,
                        ascii(fingerprint));
                return claimOf(key, reply);
            });
        } catch (RuntimeException e) {
            warn("claim", key, e);
            return Claim.of(Claim.Status.UNAVAILABLE);
        }
    }

    @Override
    public void saveAnswer(Key key, String fingerprint, String answerJson) {
        try {
            breaker.executeSupplier(() -> redis.execute(SAVE, BYTES, COUNT, List.of(key(key)),
                    compact(fingerprint), answers.encode(answerJson, key.transactionId()), ttlMillis, ascii(fingerprint)));
        } catch (RuntimeException e) {
            warn("save the answer of", key, e);
        }
    }

    @Override
    public void release(Key key, String fingerprint) {
        try {
            breaker.executeSupplier(() -> redis.execute(RELEASE, BYTES, COUNT, List.of(key(key)),
                    compact(fingerprint), ascii(fingerprint)));
        } catch (RuntimeException e) {
            warn("release", key, e);
        }
    }

    private Claim claimOf(Key key, byte[] reply) {
        return switch (reply[0]) {
            case 'C' -> Claim.of(Claim.Status.CLAIMED);
            case 'P' -> Claim.of(Claim.Status.PENDING);
            case 'X' -> Claim.of(Claim.Status.CONFLICT);
            case 'A' -> answered(key, Arrays.copyOfRange(reply, 1, reply.length));
            default -> throw new IllegalStateException("The claim script answered '" + (char) reply[0] + "'.");
        };
    }

    private Claim answered(Key key, byte[] stored) {
        Optional<String> answer = answers.decode(stored, key.transactionId());
        if (answer.isEmpty()) {
            // its skeleton is gone (the dictionary was evicted or deleted): score again and keep the new answer
            log.warn("The stored answer of {} names a skeleton no longer known; scoring it again", key);
            return Claim.of(Claim.Status.PENDING);
        }
        return new Claim(Claim.Status.ANSWERED, answer.get());
    }

    /** The first 16 bytes of a hex SHA-256. */
    static byte[] compact(String fingerprint) {
        if (fingerprint.length() != 64) {
            throw new IllegalArgumentException("The fingerprint must be a SHA-256 in hex, 64 characters; it has "
                    + fingerprint.length() + ".");
        }
        return HexFormat.of().parseHex(fingerprint, 0, 2 * FINGERPRINT_BYTES);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static <T> RedisScript<T> script(String name, Class<T> type) {
        return RedisScript.of(new ClassPathResource("scripts/" + name + ".lua"), type);
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
