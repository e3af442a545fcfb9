package dev.fraudscore.businessapi.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * The answer skeletons, shared by every business-api instance through Redis and remembered in memory, so that
 * an instance asks Redis about a skeleton once. A skeleton's id is the first four bytes of its SHA-256 with the
 * top bit set: computed, never handed out, so an id cannot come to name another skeleton even when the
 * dictionary is lost and written again (a stored answer whose skeleton is gone is scored again, never
 * answered wrong).
 *
 * <p>One Redis hash per UTC day, {@code <prefix>{answer-skeletons}:<epoch day>} (one hash tag, so one Redis
 * Cluster slot), kept the answers' TTL and two days after its last write. Each instance writes a skeleton into
 * the day's hash the first time it uses it that day: skeletons no answer uses any more (an old model or policy
 * version) age out, and a hash that went missing is written again.
 */
final class SkeletonDictionary {

    /** The most skeletons a day's hash takes; past it, answers are kept whole. A policy gives a few hundred. */
    static final int MAX_PER_DAY = 10_000;
    private static final int MAX_REMEMBERED = 4 * MAX_PER_DAY;

    private static final RedisScript<Long> INTERN =
            RedisScript.of(new ClassPathResource("scripts/skeleton-intern.lua"), Long.class);
    private static final RedisScript<byte[]> RESOLVE =
            RedisScript.of(new ClassPathResource("scripts/first-hash-field.lua"), byte[].class);

    private final StringRedisTemplate redis;
    private final String keyPrefix;
    private final Duration ttl;
    private final Clock clock;
    private final Map<Integer, String> byId = new ConcurrentHashMap<>();
    private final Map<String, LocalDate> writtenOn = new ConcurrentHashMap<>();

    /** @param ttl how long the answers that name a skeleton are kept */
    SkeletonDictionary(StringRedisTemplate redis, String keyPrefix, Duration ttl, Clock clock) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The id of this skeleton, once Redis holds it; none when the day's hash is full or holds another under the id. */
    OptionalInt intern(String skeleton) {
        int id = idOf(skeleton);
        LocalDate today = LocalDate.now(clock);
        if (!today.equals(writtenOn.get(skeleton))) {
            Long stored = redis.execute(INTERN, List.of(dayKey(today)), Integer.toString(id), skeleton,
                    Long.toString(ttl.plusDays(2).toMillis()), Integer.toString(MAX_PER_DAY));
            if (stored == null || stored != 1L) {
                return OptionalInt.empty();
            }
            remember(writtenOn, skeleton, today);
        }
        remember(byId, id, skeleton);
        return OptionalInt.of(id);
    }

    /** The skeleton of this id, from memory or from the hashes of the days an answer still kept may name. */
    Optional<String> resolve(int id) {
        String known = byId.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        byte[] found = redis.execute(RESOLVE, RedisSerializer.string(), RedisSerializer.byteArray(), daysAnAnswerMayName(),
                Integer.toString(id));
        String skeleton = found == null ? null : new String(found, StandardCharsets.UTF_8);
        if (skeleton == null || idOf(skeleton) != id) {
            writtenOn.clear(); // the dictionary lost entries: write ours again as answers use them
            return Optional.empty();
        }
        remember(byId, id, skeleton);
        return Optional.of(skeleton);
    }

    /** The first four bytes of the skeleton's SHA-256, top bit set: a stored answer with a skeleton starts above 0x7F. */
    static int idOf(String skeleton) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(skeleton.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getInt() | 0x8000_0000;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Newest first, a day either side for clocks that disagree about midnight. */
    private List<String> daysAnAnswerMayName() {
        LocalDate today = LocalDate.now(clock);
        long back = ttl.toDays() + 2;
        List<String> keys = new ArrayList<>();
        for (long day = -1; day <= back; day++) {
            keys.add(dayKey(today.minusDays(day)));
        }
        return keys;
    }

    private String dayKey(LocalDate day) {
        return keyPrefix + "{answer-skeletons}:" + day.toEpochDay();
    }

    private static <K, V> void remember(Map<K, V> memory, K key, V value) {
        if (memory.size() >= MAX_REMEMBERED) {
            memory.clear(); // only after many model and policy versions; Redis still has what is in use
        }
        memory.put(key, value);
    }
}
