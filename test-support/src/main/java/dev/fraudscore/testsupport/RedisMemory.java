package dev.fraudscore.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * What a Redis says about its memory, for the tests that measure how many bytes a stored transaction costs:
 * {@code INFO memory}'s {@code used_memory} and {@code MEMORY USAGE} per key.
 */
public final class RedisMemory {

    // scripts, so that every reply is text whatever the client's raw-command API can read
    private static final RedisScript<String> USAGE =
            RedisScript.of("return tostring(redis.call('MEMORY', 'USAGE', KEYS[1], 'SAMPLES', '0'))", String.class);
    private static final RedisScript<String> INFO =
            RedisScript.of("return redis.call('INFO', ARGV[1])", String.class);

    private final StringRedisTemplate redis;

    public RedisMemory(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** {@code used_memory}: every byte the allocator handed to Redis, overheads included. */
    public long usedMemory() {
        return Long.parseLong(info("memory", "used_memory"));
    }

    /**
     * {@link #usedMemory} once it holds still: right after many writes Redis may still be moving its keyspace into
     * a larger table, and holds both tables until it is done (a few of its 100 ms ticks).
     */
    public long settledUsedMemory() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long last = usedMemory();
        int unchanged = 0;
        while (unchanged < 3 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            long now = usedMemory();
            unchanged = now == last ? unchanged + 1 : 0;
            last = now;
        }
        return last;
    }

    /** {@code count} keys spread evenly over the list, so that what was written first does not stand for all. */
    public static List<String> spread(List<String> keys, int count) {
        int step = Math.max(1, keys.size() / count);
        return IntStream.range(0, Math.min(count, keys.size())).mapToObj(i -> keys.get(i * step)).toList();
    }

    /** {@code MEMORY USAGE key SAMPLES 0}: the key, its value and its entry in the keyspace, counted exactly. */
    public long usage(String key) {
        String reply = redis.execute(USAGE, List.of(key));
        try {
            return Long.parseLong(reply);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("MEMORY USAGE " + key + " answered " + reply + "; does the key exist?", e);
        }
    }

    /** The mean {@link #usage} of these keys. */
    public double meanUsage(List<String> keys) {
        return keys.stream().mapToLong(this::usage).average()
                .orElseThrow(() -> new IllegalArgumentException("no keys to measure"));
    }

    /** Version, allocator and eviction policy, the settings a reader needs to compare numbers. */
    public String server() {
        return String.format(Locale.ROOT, "Redis %s (%s, maxmemory-policy %s)", info("server", "redis_version"),
                info("memory", "mem_allocator"), info("memory", "maxmemory_policy"));
    }

    private String info(String section, String field) {
        for (String line : redis.execute(INFO, List.of(), section).split("\r?\n")) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1).trim();
            }
        }
        throw new IllegalStateException("INFO " + section + " has no " + field + " line");
    }
}
