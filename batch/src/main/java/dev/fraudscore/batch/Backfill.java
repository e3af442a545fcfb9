package dev.fraudscore.batch;

import dev.fraudscore.features.AggregateFeatureSet;
import dev.fraudscore.features.FeatureSet;
import dev.fraudscore.features.FeatureSets;
import dev.fraudscore.features.state.StateLayout;
import dev.fraudscore.simulator.LabelledTransaction;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import redis.clients.jedis.Jedis;

/**
 * A feature set's state as of a cut-off, from a labelled history, into the Redis feature-service serves from: read
 * and check the history (driver), group it by card and by merchant and fold each group (Spark tasks), write the
 * keys into a staging namespace, pipelined (Spark tasks, a connection each), then switch them in atomically
 * (driver). Anything that fails before the switch deletes the staging keys and leaves the served state as it was.
 */
public final class Backfill {

    /** What a backfill is asked to do. */
    /** @param txCacheTtl feature-service's {@code tx-cache-ttl}: the retry cache is written for this span before T */
    public record Request(Path input, HistoryFormat format, String featureSet, Instant cutoff, String redisUrl,
            String keyPrefix, Duration txCacheTtl) {

        /** feature-service's default retry cache. */
        public static final Duration TX_CACHE_TTL = Duration.ofHours(24);

        public Request(Path input, HistoryFormat format, String featureSet, Instant cutoff, String redisUrl,
                String keyPrefix) {
            this(input, format, featureSet, cutoff, redisUrl, keyPrefix, TX_CACHE_TTL);
        }

        public Request {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(featureSet, "featureSet");
            Objects.requireNonNull(cutoff, "cutoff");
            Objects.requireNonNull(redisUrl, "redisUrl");
            Objects.requireNonNull(keyPrefix, "keyPrefix");
            Objects.requireNonNull(txCacheTtl, "txCacheTtl");
            if (txCacheTtl.isNegative() || txCacheTtl.isZero()) {
                throw new BackfillException("the retry cache's TTL must be positive, got " + txCacheTtl);
            }
        }
    }

    /** What a backfill did; {@code written} counts the retry cache's keys among the staged keys. */
    public record Result(long rowsRead, long rowsBeforeCutoff, StagePartition.Counts written,
            StagedState.Switched switched, double seconds, double readSeconds, double stageSeconds) {

        public double transactionsPerSecond() {
            return rowsRead / seconds;
        }
    }

    private final SparkSession spark;
    private final Runnable beforeSwitch;

    public Backfill(SparkSession spark) {
        this(spark, () -> { });
    }

    /** @param beforeSwitch runs after staging, before the switch: a failure there must leave the served state */
    Backfill(SparkSession spark, Runnable beforeSwitch) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.beforeSwitch = Objects.requireNonNull(beforeSwitch, "beforeSwitch");
    }

    public static AggregateFeatureSet declaredSet(String id) {
        FeatureSet set = FeatureSets.find(id).orElseThrow(() -> new BackfillException("unknown feature set '" + id
                + "'; this build knows " + FeatureSets.all().stream().map(FeatureSet::id).toList()));
        if (!(set instanceof AggregateFeatureSet declared)) {
            throw new BackfillException(id + " keeps a per-card history in a layout of its own, which the backfill"
                    + " does not write; it backfills sets that declare their state, such as fraud_v2.");
        }
        return declared;
    }

    public Result run(Request request) {
        AggregateFeatureSet set = declaredSet(request.featureSet());
        long started = System.nanoTime();
        long cutoff = request.cutoff().toEpochMilli();
        Read read = rowsBefore(request, cutoff);
        List<HistoryRow> rows = read.before();
        double readSeconds = (System.nanoTime() - started) / 1e9;
        StagedState staged = new StagedState(request.redisUrl(), new StateLayout(request.keyPrefix(), set.id()),
                UUID.randomUUID().toString().substring(0, 8));
        try {
            long staging = System.nanoTime();
            StagePartition.Counts written = stage(rows, set, staged, cutoff, request.txCacheTtl().toMillis());
            double stageSeconds = (System.nanoTime() - staging) / 1e9;
            beforeSwitch.run();
            StagedState.Switched switched = staged.switchIn(written.stagedKeys());
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Result(read.rows(), rows.size(), written, switched, seconds, readSeconds, stageSeconds);
        } catch (RuntimeException e) {
            try {
                staged.discard();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private record Read(long rows, List<HistoryRow> before) {
    }

    /** The rows before the cut-off; the parsed history is let go before the Spark stage needs the memory. */
    private Read rowsBefore(Request request, long cutoff) {
        List<LabelledTransaction> history = request.format().read(request.input(), spark);
        List<HistoryRow> rows = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            HistoryRow row = HistoryRow.of(i, history.get(i));
            if (row.millis() < cutoff) {
                rows.add(row);
            }
        }
        return new Read(history.size(), rows);
    }

    private StagePartition.Counts stage(List<HistoryRow> rows, AggregateFeatureSet set, StagedState staged,
            long cutoff, long txCacheTtl) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int slices = Math.max(2, jsc.defaultParallelism() * 2);
        JavaRDD<HistoryRow> rdd = jsc.parallelize(HistoryChunks.pack(rows, slices), slices)
                .flatMap(HistoryChunks::unpack);
        StagePartition task = new StagePartition(set.id(), staged.staging(), cutoff, staged.redisUrl(), txCacheTtl);
        StagePartition.Counts counts = rdd.flatMapToPair(StagePartition::byEntity)
                .groupByKey(slices)
                .mapPartitions(task)
                .reduce(StagePartition.Counts::plus);
        // the retry cache: each recent transaction's card part and merchant part, joined here
        StateEncoder encoder = new StateEncoder(staged.staging(), set.state(), cutoff);
        List<StateWrite> cache = RecentState.whole(set.state(), counts.recent()).stream()
                .flatMap(state -> encoder.transactionCache(state, txCacheTtl).stream()).toList();
        try (Jedis jedis = staged.connect()) {
            StagedState.write(jedis, cache);
        }
        List<String> keys = new ArrayList<>(counts.stagedKeys());
        cache.forEach(w -> keys.add(w.key()));
        return new StagePartition.Counts(counts.cards(), counts.merchants(), counts.labelRecords(), keys, List.of());
    }
}
