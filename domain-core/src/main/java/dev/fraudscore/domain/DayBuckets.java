package dev.fraudscore.domain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Records that many share one small structure instead of costing a key each: a record of an id on a UTC day lives in
 * that day's bucket {@link #bucket(String)} of the id. A store keeps a bucket as one small hash (Redis keeps it
 * listpack-encoded, a few bytes an entry beyond its strings, up to 128 entries of at most 64 bytes) that expires
 * once, at the end of its day plus the retention ({@link #expiry}); a record thus lives between the retention and a
 * day more. Used by business-api's idempotency records, feature-service's transaction caches and label records.
 *
 * @param perDay buckets a day, a power of two; changing it moves every record, so records written under another count
 *               are not found
 */
public record DayBuckets(int perDay) {

    /**
     * Sized for 1,000 records a second: 86.4 M a day, some 82 a bucket, within the 128 entries of a listpack.
     */
    public static final DayBuckets DEFAULT = new DayBuckets(1 << 20);

    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    public DayBuckets {
        if (perDay <= 0 || Integer.bitCount(perDay) != 1) {
            throw new IllegalArgumentException("The buckets a day must be a power of two; got " + perDay + ".");
        }
    }

    /** An id's bucket within its day: CRC-32 (as zlib computes it) of its UTF-8 bytes, modulo the count. */
    public int bucket(String id) {
        CRC32 crc = new CRC32();
        crc.update(id.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() & (perDay - 1));
    }

    /** The Redis Cluster hash tag of an id's bucket on a day, {@code {<epoch day>:<bucket>}}. */
    public String tag(long epochDay, String id) {
        return "{" + epochDay + ":" + bucket(id) + "}";
    }

    /**
     * The tags ({@link #tag}) of the buckets that may hold a record of {@code id} written within {@code retention}
     * before {@code nowMillis}, today's first: the day of each is one of {@link #daysToSearch}.
     */
    public List<String> tagsToSearch(String id, long nowMillis, Duration retention) {
        List<String> tags = new ArrayList<>();
        for (long day : daysToSearch(nowMillis, retention)) {
            tags.add(tag(day, id));
        }
        return tags;
    }

    /** The UTC day of an instant, in days since 1970-01-01. */
    public static long epochDay(long epochMillis) {
        return Math.floorDiv(epochMillis, DAY_MILLIS);
    }

    /** When the bucket of a record written at {@code epochMillis} expires: the end of its day, plus the retention. */
    public static long expiry(long epochMillis, Duration retention) {
        return (epochDay(epochMillis) + 1) * DAY_MILLIS + retention.toMillis();
    }

    /**
     * The days whose buckets may hold a record written within {@code retention} before {@code nowMillis}: from the
     * newest, today, to the day of {@code nowMillis - retention}.
     */
    public static long[] daysToSearch(long nowMillis, Duration retention) {
        long today = epochDay(nowMillis);
        long first = epochDay(nowMillis - retention.toMillis());
        long[] days = new long[(int) (today - first + 1)];
        for (int i = 0; i < days.length; i++) {
            days[i] = today - i;
        }
        return days;
    }
}
