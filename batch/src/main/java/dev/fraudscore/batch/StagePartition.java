package dev.fraudscore.batch;

import dev.fraudscore.features.state.Entity;
import dev.fraudscore.features.state.StateLayout;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import scala.Tuple2;

/**
 * One Spark task of the backfill: folds each entity group of its partition and writes the keys into the staging
 * namespace on a connection of its own, pipelined. Ships only text (the feature set's id, the staging prefix, the
 * URL): the task resolves the set where it runs.
 */
final class StagePartition
        implements FlatMapFunction<Iterator<Tuple2<StagePartition.EntityRef, Iterable<HistoryRow>>>,
        StagePartition.Counts> {

    private static final int FLUSH = 5_000;

    /** A group: a card or a merchant. */
    record EntityRef(Entity entity, String key) implements Serializable {
    }

    /**
     * What the tasks staged: entities and keys by kind, and every staged key's name for the switch; and the parts of
     * the recent transactions' states, for the driver to join.
     */
    record Counts(long cards, long merchants, long labelRecords, List<String> stagedKeys, List<RecentState> recent)
            implements Serializable {

        Counts plus(Counts other) {
            return new Counts(cards + other.cards, merchants + other.merchants, labelRecords + other.labelRecords,
                    concat(stagedKeys, other.stagedKeys), concat(recent, other.recent));
        }

        private static <T> List<T> concat(List<T> a, List<T> b) {
            List<T> all = new ArrayList<>(a.size() + b.size());
            all.addAll(a);
            all.addAll(b);
            return all;
        }
    }

    private final String featureSetId;
    private final String stagingPrefix;
    private final long cutoffMillis;
    private final String redisUrl;
    private final long txCacheTtlMillis;

    StagePartition(String featureSetId, StateLayout staging, long cutoffMillis, String redisUrl,
            long txCacheTtlMillis) {
        this.featureSetId = featureSetId;
        this.stagingPrefix = staging.prefix();
        this.cutoffMillis = cutoffMillis;
        this.redisUrl = redisUrl;
        this.txCacheTtlMillis = txCacheTtlMillis;
    }

    /** Each row goes to its card's group and its merchant's. */
    static Iterator<Tuple2<EntityRef, HistoryRow>> byEntity(HistoryRow row) {
        return List.of(new Tuple2<>(new EntityRef(Entity.CARD, row.cardKey()), row),
                new Tuple2<>(new EntityRef(Entity.MERCHANT, row.merchantKey()), row)).iterator();
    }

    @Override
    public Iterator<Counts> call(Iterator<Tuple2<EntityRef, Iterable<HistoryRow>>> groups) {
        var spec = Backfill.declaredSet(featureSetId).state();
        StateLayout staging = new StateLayout(stagingPrefix, featureSetId);
        EntityFold fold = new EntityFold(spec, new StateEncoder(staging, spec, cutoffMillis), cutoffMillis,
                txCacheTtlMillis);
        long cards = 0;
        long merchants = 0;
        long labelRecords = 0;
        List<String> keys = new ArrayList<>();
        List<RecentState> recent = new ArrayList<>();
        List<StateWrite> pending = new ArrayList<>();
        try (Jedis jedis = new Jedis(URI.create(redisUrl))) {
            while (groups.hasNext()) {
                Tuple2<EntityRef, Iterable<HistoryRow>> group = groups.next();
                EntityFold.Folded folded = fold.fold(group._1().entity(), group._1().key(), group._2());
                if (group._1().entity() == Entity.CARD) {
                    cards++;
                } else {
                    merchants++;
                }
                labelRecords += folded.labelRecords().size();
                recent.addAll(folded.recent());
                for (List<StateWrite> writes : List.of(folded.aggregates(), folded.labelRecords())) {
                    writes.forEach(w -> keys.add(w.key()));
                    pending.addAll(writes);
                }
                if (pending.size() >= FLUSH) {
                    StagedState.write(jedis, pending);
                    pending.clear();
                }
            }
            StagedState.write(jedis, pending);
        } catch (JedisException e) {
            throw new BackfillException("cannot write to the Redis at " + redisUrl + ": " + e.getMessage(), e);
        }
        return List.of(new Counts(cards, merchants, labelRecords, keys, recent)).iterator();
    }
}
