package dev.fraudscore.batch;

import dev.fraudscore.features.state.StateLayout;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * A feature set's state written beside the served one and switched in at once, so that a reader sees the old state
 * or the new, never a half-written one, and a backfill that fails leaves the served state as it was.
 *
 * <p>Staging keys are the served keys with {@code backfill-<run>:} after the prefix: the same hash tags, so the same
 * cluster slots. The switch is one MULTI/EXEC: DEL of the set's served keys the backfill does not write, then a
 * RENAME of each staged key onto its served name (RENAME keeps the staged TTL). A label bucket is shared by many
 * transactions, from many tasks: staged whole (the backfill computes every record of the set as of the cut-off),
 * it replaces the served bucket whole, as any other key. Redis runs it as one command, so
 * it blocks other clients for its length (about a microsecond a key), and it needs every key on one node: a single
 * Redis or a primary with replicas, not Redis Cluster.
 */
public final class StagedState {

    private static final int BATCH = 10_000;

    private final String redisUrl;
    private final StateLayout served;
    private final StateLayout staging;

    public StagedState(String redisUrl, StateLayout served, String runId) {
        this.redisUrl = Objects.requireNonNull(redisUrl, "redisUrl");
        this.served = Objects.requireNonNull(served, "served");
        this.staging = new StateLayout(served.prefix() + "backfill-" + runId + ":", served.featureSetId());
    }

    public String redisUrl() {
        return redisUrl;
    }

    public StateLayout staging() {
        return staging;
    }

    /** The served name of a staged key. */
    public String servedName(String stagedKey) {
        if (!stagedKey.startsWith(staging.namespace())) {
            throw new IllegalArgumentException(stagedKey + " is not a staged key of this run");
        }
        return served.namespace() + stagedKey.substring(staging.namespace().length());
    }

    /** A connection to the Redis of this backfill; the caller closes it. */
    public Jedis connect() {
        return new Jedis(URI.create(redisUrl));
    }

    /** Writes {@code writes} (named in the staging layout), pipelined, on one connection of the caller's. */
    public static void write(Jedis jedis, Iterable<StateWrite> writes) {
        Pipeline pipeline = jedis.pipelined();
        int queued = 0;
        for (StateWrite w : writes) {
            w.queue(pipeline, w.key());
            if (++queued % BATCH == 0) {
                pipeline.sync();
            }
        }
        pipeline.sync();
    }

    /**
     * What the switch did.
     *
     * @param execMillis from sending EXEC to its reply (the queued replies read too): at most what Redis blocked
     */
    public record Switched(int renamed, int expiredBeforeSwitch, int removed, long execMillis) {
    }

    /**
     * Replaces the served state by the staged keys, atomically.
     *
     * @param staged every key this run staged, once or more
     * @throws IllegalStateException when Redis refused the transaction; nothing was switched then
     */
    public Switched switchIn(Collection<String> staged) {
        // a label bucket is staged by every task that wrote a record into it: renamed once
        Set<String> stagedKeys = new LinkedHashSet<>(staged);
        try (Jedis jedis = connect()) {
            Set<String> replaced = new HashSet<>();
            stagedKeys.forEach(k -> replaced.add(servedName(k)));
            List<String> stale = new ArrayList<>();
            scan(jedis, served.namespace(), key -> {
                if (!replaced.contains(key)) {
                    stale.add(key);
                }
            });
            Transaction tx = jedis.multi();
            for (int i = 0; i < stale.size(); i += BATCH) {
                tx.del(stale.subList(i, Math.min(stale.size(), i + BATCH)).toArray(String[]::new));
            }
            for (String key : stagedKeys) {
                tx.rename(key, servedName(key));
            }
            long start = System.nanoTime();
            List<Object> replies = tx.exec();
            long execMillis = (System.nanoTime() - start) / 1_000_000;
            if (replies == null) {
                throw new IllegalStateException("Redis discarded the switch's transaction; the served state is as"
                        + " it was");
            }
            int expired = 0;
            for (Object reply : replies) {
                // a staged key whose TTL ran out before the switch: online it would have expired too
                if (reply instanceof JedisDataException e) {
                    if (!String.valueOf(e.getMessage()).contains("no such key")) {
                        throw new IllegalStateException("Redis refused part of the switch: " + e.getMessage(), e);
                    }
                    expired++;
                }
            }
            return new Switched(stagedKeys.size() - expired, expired, stale.size(), execMillis);
        }
    }

    /** Deletes whatever this run staged (after a failure); the served keys are not touched. */
    public long discard() {
        try (Jedis jedis = connect()) {
            List<String> keys = new ArrayList<>();
            long[] deleted = {0};
            scan(jedis, staging.namespace(), key -> {
                keys.add(key);
                if (keys.size() == 1_000) {
                    deleted[0] += jedis.unlink(keys.toArray(String[]::new));
                    keys.clear();
                }
            });
            if (!keys.isEmpty()) {
                deleted[0] += jedis.unlink(keys.toArray(String[]::new));
            }
            return deleted[0];
        }
    }

    private static void scan(Jedis jedis, String namespace, Consumer<String> each) {
        ScanParams params = new ScanParams().match(glob(namespace) + "*").count(1_000);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = jedis.scan(cursor, params);
            page.getResult().forEach(each);
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }

    /** {@code text} as a SCAN pattern that matches only itself. */
    static String glob(String text) {
        return text.replaceAll("([\\\\*?\\[\\]])", "\\\\$1");
    }
}
