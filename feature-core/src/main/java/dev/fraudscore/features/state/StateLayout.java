package dev.fraudscore.features.state;

import dev.fraudscore.domain.DayBuckets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a declared state ({@link StateSpec}) lives in Redis and how its values are spelled: the one layout that
 * feature-service's store and scripts serve from and the batch backfill writes. Each key carries its entity as the
 * Redis Cluster hash tag:
 *
 * <pre>
 * {prefix}{setId}:{cardKey}:{aggregate}        a card's aggregate (sorted set, string or hash by kind)
 * {prefix}{setId}:m:{merchantKey}:{aggregate}  a merchant's aggregate, shared by every card paying there
 * {prefix}{setId}:{cardKey}:t:{txId}           the state already returned to that transaction id, as the backfill
 *                                              writes it (feature-service itself keeps it in day buckets,
 *                                              {prefix}{setId}:t:{day:bucket}, and reads this key too)
 * {prefix}{setId}:l:{day:bucket}               label records of the transactions of one UTC day in one bucket
 * </pre>
 *
 * Values: an exact window is a sorted set of transaction ids by epoch millis; a last event the millis in decimal;
 * recent merchants a sorted set of merchant keys by the millis last paid; tiles a hash with {@link #TILE_HI} and a
 * ring of {@code keep} slots ({@link #tileField}).
 *
 * <p>Label records are bucketed, so that many share one small hash instead of costing a key each: the bucket of a
 * transaction is its epoch day (UTC) and {@link #labelBucket(String)} of its id, the field its id, the value
 * {@link #recordValue}. Redis keeps a hash listpack-encoded (a few bytes an entry beyond its strings) up to
 * {@code hash-max-listpack-entries} (128 by default) entries of at most {@code hash-max-listpack-value} (64) bytes,
 * so the layout stays compact up to about {@link #LABEL_BUCKETS_PER_DAY} × 100 transactions a day; above, or with a
 * value over 64 bytes, a bucket turns into a hashtable: it still works, at some 50 B more a record. A bucket expires
 * at the end of its day plus the label horizon ({@link #labelBucketExpiry}), set once when it is created.
 * observe-aggregates.lua and record-label.lua spell the same.
 */
public record StateLayout(String prefix, String featureSetId) {

    /** The tiles hash's field holding the latest tile written. */
    public static final String TILE_HI = "hi";
    /**
     * Label buckets a day: sized for 1,000 transactions a second (86.4 M a day, some 82 a bucket, within the default
     * 128 entries of a listpack); a power of two. Changing it moves every record: records written under another
     * count are not found.
     */
    public static final int LABEL_BUCKETS_PER_DAY = 1 << 20;
    private static final DayBuckets LABEL_BUCKETS = new DayBuckets(LABEL_BUCKETS_PER_DAY);

    public StateLayout {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(featureSetId, "featureSetId");
    }

    /** What every key of the set starts with. */
    public String namespace() {
        return prefix + featureSetId + ":";
    }

    public String aggregate(Aggregate aggregate, String entityKey) {
        String entity = aggregate.entity() == Entity.CARD ? "{" + entityKey + "}" : "m:{" + entityKey + "}";
        return namespace() + entity + ":" + aggregate.name();
    }

    public String transaction(String cardKey, String transactionId) {
        return namespace() + "{" + cardKey + "}:t:" + transactionId;
    }

    /** The bucket holding the label record of {@code transactionId}, a transaction at {@code millis}. */
    public String labelBucket(String transactionId, long millis) {
        return labelBucket(DayBuckets.epochDay(millis), labelBucket(transactionId));
    }

    /**
     * The buckets that may hold the record of {@code transactionId} for a label reported at {@code reportedMillis}:
     * those of the days from {@code reportedMillis - horizon} to {@code reportedMillis}, oldest first.
     */
    public List<String> labelBuckets(String transactionId, long reportedMillis, Duration horizon) {
        int bucket = labelBucket(transactionId);
        long last = DayBuckets.epochDay(reportedMillis);
        List<String> keys = new ArrayList<>();
        for (long day = DayBuckets.epochDay(reportedMillis - horizon.toMillis()); day <= last; day++) {
            keys.add(labelBucket(day, bucket));
        }
        return keys;
    }

    private String labelBucket(long epochDay, int bucket) {
        return namespace() + "l:{" + epochDay + ":" + bucket + "}";
    }

    /** A transaction id's bucket within its day: CRC-32 (as zlib computes it) of its UTF-8 bytes, modulo the count. */
    public static int labelBucket(String transactionId) {
        return LABEL_BUCKETS.bucket(transactionId);
    }

    /** When the bucket of a transaction at {@code millis} expires: the end of its day, plus the label horizon. */
    public static long labelBucketExpiry(long millis, Duration horizon) {
        return DayBuckets.expiry(millis, horizon);
    }

    /**
     * Whether the buckets searched for a label reported at {@code reportedMillis} hold a record of {@code millis}:
     * the in-memory store answers as the Redis store's search does.
     */
    static boolean labelFinds(long millis, long reportedMillis, Duration horizon) {
        return reportedMillis - millis <= horizon.toMillis()
                && DayBuckets.epochDay(millis) <= DayBuckets.epochDay(reportedMillis);
    }

    /** The hash field of {@code counter} for tile {@code tile}: tile x lives in ring slot x mod keep. */
    public static String tileField(Tiles tiles, long tile, Counter counter) {
        int c = tiles.counters().indexOf(counter);
        if (c < 0) {
            throw new IllegalArgumentException("tiles " + tiles.name() + " do not count " + counter);
        }
        return Long.toString(Math.floorMod(tile, tiles.keep()) * (long) tiles.counters().size() + c);
    }

    /** How a label record spells a label. */
    public static String labelCode(FraudLabel label) {
        return label == FraudLabel.FRAUD ? "F" : "G";
    }

    /** A label record's value in its bucket; see {@link LabelRecordValue}. */
    public static String recordValue(TransactionRecord record) {
        return LabelRecordValue.of(record);
    }

    /** The record a bucket's value spells. */
    public static TransactionRecord record(String value) {
        return LabelRecordValue.parse(value);
    }
}
