package dev.fraudscore.businessapi.store;

import dev.fraudscore.domain.DayBuckets;
import dev.fraudscore.support.concurrent.FutureFailures;
import dev.fraudscore.support.logging.LogThrottle;
import dev.fraudscore.support.redis.LuaSources;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * {@link IdempotencyStore} in Redis. A caller's transaction id is recorded in a day bucket ({@link DayBuckets}): the
 * hash {@code <prefix>idem:{<epoch day>:<bucket>}} of the UTC day the claim arrived (by the injected clock) and of
 * {@code <caller>:<transactionId>}, which is also the field (neither may contain ':', so two fields never collide).
 * The value is the first 16 bytes of the request's fingerprint and, once answered, the answer in its compact form
 * ({@link CompactAnswers}). A bucket expires once, at the end of its day plus the TTL (set by the claim that creates
 * it): a record is kept between the TTL and the TTL plus a day, and an operation looks in the buckets of every day
 * that may still hold one ({@link DayBuckets#daysToSearch}, today first). Many records share a bucket, so a record
 * costs about its strings, not a key of its own.
 *
 * <p>Redis keeps a bucket listpack-encoded while it has at most 128 entries ({@code hash-max-listpack-entries}) of at
 * most 64 bytes ({@code hash-max-listpack-value}). {@link DayBuckets#DEFAULT} keeps some 82 a bucket at 1,000
 * transactions a second, and a value is 16 bytes of fingerprint plus 4 of skeleton id and half a byte a digit of the
 * answer's numbers: 53 bytes for a decline with a score of full float precision and every rule of the default
 * policy. Past either limit (more traffic, a policy with more numbers in its reasons, or an answer kept as its whole
 * JSON because it has no skeleton) the bucket turns into a hashtable: still correct, some 50 B more a record, for
 * every record of that bucket.
 *
 * <p>Records written by the version before, one string per id at {@code <prefix>idem:<caller>:<transactionId>}, are
 * still answered, saved and released where they are until they expire; new claims always go to a bucket. Each
 * operation is one Lua script, so a request costs two round trips (claim, save), and a third the first time an
 * instance meets a skeleton that day. The save and the release wait on no thread: their reply completes a future.
 * Behind a circuit breaker ({@code idempotency}) so that a Redis outage costs a few requests a timeout, not every
 * request.
 *
 * <p>Sixteen bytes of SHA-256 tell two bodies apart as surely as thirty-two here: an accidental match is a
 * 2^-128 chance, and a caller crafting two bodies with the same first 16 bytes would need some 2^64 hashes.
 */
public final class RedisIdempotencyStore implements IdempotencyStore {

    private static final Logger log = LoggerFactory.getLogger(RedisIdempotencyStore.class);

    static final int FINGERPRINT_BYTES = 16;

    private static final RedisScript<byte[]> CLAIM = script("idempotency-claim", byte[].class);
    private static final RedisScript<Long> SAVE = script("idempotency-save", Long.class);
    private static final RedisScript<Long> RELEASE = script("idempotency-release", Long.class);
    private static final RedisSerializer<byte[]> BYTES = RedisSerializer.byteArray();

    private final StringRedisTemplate redis;
    private final ReactiveRedisTemplate<byte[], byte[]> replies;
    private final String keyPrefix;
    private final Duration ttl;
    private final CircuitBreaker breaker;
    private final Clock clock;
    private final DayBuckets buckets;
    private final CompactAnswers answers;
    /** While Redis is down every request fails to claim: one line every 10 s, not one a request. */
    private final LogThrottle unavailableLines = new LogThrottle("idempotency-unavailable-lines", Duration.ofSeconds(10));

    /** With {@link DayBuckets#DEFAULT}, as production keeps its records. */
    public RedisIdempotencyStore(StringRedisTemplate redis, String keyPrefix, Duration ttl, CircuitBreaker breaker,
            Clock clock) {
        this(redis, keyPrefix, ttl, breaker, clock, DayBuckets.DEFAULT);
    }

    /** @param buckets how many buckets a day; every instance sharing a Redis must use the same */
    public RedisIdempotencyStore(StringRedisTemplate redis, String keyPrefix, Duration ttl, CircuitBreaker breaker,
            Clock clock, DayBuckets buckets) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.ttl = ttl;
        this.breaker = breaker;
        this.clock = clock;
        this.buckets = buckets;
        this.answers = new CompactAnswers(new SkeletonDictionary(redis, keyPrefix, ttl, clock));
        if (!(redis.getConnectionFactory() instanceof ReactiveRedisConnectionFactory reactive)) {
            throw new IllegalArgumentException("The idempotency store needs a Redis connection factory that also"
                    + " answers asynchronously (Lettuce's); this one is " + redis.getConnectionFactory());
        }
        this.replies = new ReactiveRedisTemplate<>(reactive, RedisSerializationContext.byteArray());
    }

    /** Where a record lives: a bucket and its field. */
    public record Place(String bucket, String field) {
    }

    /** The place of a claim made at {@code claimedAt}. */
    public Place placeOf(Key key, Instant claimedAt) {
        String field = field(key);
        return new Place(bucket(DayBuckets.epochDay(claimedAt.toEpochMilli()), field), field);
    }

    @Override
    public Claim claim(Key key, String fingerprint) {
        try {
            return breaker.executeSupplier(() -> {
                long now = clock.millis();
                byte[] reply = redis.execute(CLAIM, BYTES, BYTES, keys(key, now), ascii(field(key)),
                        compact(fingerprint), ascii(Long.toString(DayBuckets.expiry(now, ttl))));
                return claimOf(key, reply);
            });
        } catch (RuntimeException e) {
            warn("claim", key, e);
            return Claim.of(Claim.Status.UNAVAILABLE);
        }
    }

    @Override
    public CompletableFuture<Void> saveAnswer(Key key, String fingerprint, String answerJson) {
        return unanswered("save the answer of", key, () -> async(SAVE, key,
                ascii(field(key)), compact(fingerprint), answers.encode(answerJson, key.transactionId())));
    }

    @Override
    public CompletableFuture<Void> release(Key key, String fingerprint) {
        return unanswered("release", key, () -> async(RELEASE, key, ascii(field(key)), compact(fingerprint)));
    }

    /**
     * Runs a script without a thread waiting for Redis: the reply completes the future on Lettuce's event loop, and
     * the request goes on from there.
     */
    private CompletableFuture<Long> async(RedisScript<Long> script, Key key, byte[]... args) {
        List<byte[]> keys = keys(key, clock.millis()).stream().map(RedisIdempotencyStore::ascii).toList();
        return replies.execute(script, keys, List.of(args)).next().toFuture();
    }

    /** Behind the breaker, failures logged and swallowed: a request is answered whether or not its record moved. */
    private CompletableFuture<Void> unanswered(String action, Key key, Supplier<CompletableFuture<Long>> operation) {
        try {
            return breaker.executeCompletionStage(operation::get).toCompletableFuture()
                    .handle((count, error) -> {
                        if (error != null) {
                            warn(action, key, FutureFailures.cause(error));
                        }
                        return null;
                    });
        } catch (RuntimeException e) {
            warn(action, key, e);
            return CompletableFuture.completedFuture(null);
        }
    }

    /** The buckets that may hold the key's record, today's first, then the key of the format before. */
    private List<String> keys(Key key, long nowMillis) {
        String field = field(key);
        List<String> keys = new ArrayList<>();
        buckets.tagsToSearch(field, nowMillis, ttl).forEach(tag -> keys.add(keyPrefix + "idem:" + tag));
        keys.add(keyPrefix + "idem:" + field);
        return keys;
    }

    private String bucket(long epochDay, String field) {
        return keyPrefix + "idem:" + buckets.tag(epochDay, field);
    }

    private static String field(Key key) {
        return key.caller() + ":" + key.transactionId();
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

    /** The operation's script after idempotency-records.lua, which says where the records are. */
    private static <T> RedisScript<T> script(String name, Class<T> type) {
        return RedisScript.of(LuaSources.joined("scripts/idempotency-records.lua", "scripts/" + name + ".lua"), type);
    }

    private void warn(String action, Key key, Throwable e) {
        if (e instanceof CallNotPermittedException) {
            log.debug("Idempotency store skipped (breaker open): could not {} {}", action, key);
        } else {
            unavailableLines.next().ifPresent(unlogged -> log.warn(
                    "Idempotency store unavailable, answering without it: could not {} {} ({}) {}", action, key,
                    e.getMessage(), unavailableLines.suffix(unlogged)));
        }
    }
}
