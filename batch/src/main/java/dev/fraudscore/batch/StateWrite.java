package dev.fraudscore.batch;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.params.SetParams;

/**
 * One Redis key as the online path would have left it: its value in one of the three shapes a declared state
 * uses, and how long it has left to live.
 *
 * @param ttlMillis what is left of the key's TTL at the cut-off, always positive
 */
public record StateWrite(String key, Shape shape, String value, Map<String, String> fields,
        Map<String, Double> members, long ttlMillis) implements Serializable {

    public enum Shape { STRING, HASH, SORTED_SET }

    public StateWrite {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(shape, "shape");
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        members = members == null ? Map.of() : Map.copyOf(members);
        if (ttlMillis <= 0) {
            throw new IllegalArgumentException(key + " would have expired already; it is not written");
        }
    }

    public static StateWrite string(String key, String value, long ttlMillis) {
        return new StateWrite(key, Shape.STRING, value, null, null, ttlMillis);
    }

    public static StateWrite hash(String key, Map<String, String> fields, long ttlMillis) {
        return new StateWrite(key, Shape.HASH, null, fields, null, ttlMillis);
    }

    public static StateWrite sortedSet(String key, Map<String, Double> members, long ttlMillis) {
        return new StateWrite(key, Shape.SORTED_SET, null, null, members, ttlMillis);
    }

    /** Queues the write under {@code target} (a staging name of {@link #key}). */
    void queue(Pipeline pipeline, String target) {
        switch (shape) {
            case STRING -> pipeline.set(target, value, SetParams.setParams().px(ttlMillis));
            case HASH -> {
                pipeline.hset(target, fields);
                pipeline.pexpire(target, ttlMillis);
            }
            case SORTED_SET -> {
                pipeline.zadd(target, members);
                pipeline.pexpire(target, ttlMillis);
            }
        }
    }
}
