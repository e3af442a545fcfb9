package dev.fraudscore.featureservice.store;

import dev.fraudscore.domain.DayBuckets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a feature set keeps the state already returned to each transaction id (the transaction cache), so that a
 * retry of the id gets it again and moves nothing: in day buckets ({@link DayBuckets}), many records to one small
 * hash instead of a key each.
 *
 * <pre>
 * {namespace}t:{day:bucket}   hash: field the transaction id, value the state returned, packed by the set's script
 * </pre>
 *
 * The day is the day the transaction arrived (UTC, by feature-service's clock), not when it occurred: history
 * replayed through the online store (tests, parity suites, 2018 data) is cached like today's traffic, and the
 * retention is about when a retry can arrive. A retry looks in the buckets of {@link DayBuckets#daysToSearch} (today
 * first; two days for 24 h). A bucket expires once, at the end of its day plus the retention, set by its first
 * record, so a record lives between the retention and a day more.
 *
 * <p>Redis keeps a bucket listpack-encoded, a few bytes a record beyond its strings, while it holds at most 128
 * records (1,000 transactions a second fill {@link DayBuckets#DEFAULT}'s 2^20 buckets a day to about 82) of at most
 * 64 bytes each ({@code hash-max-listpack-entries}, {@code hash-max-listpack-value}): a field is a transaction id (at
 * most 64 characters at the public API), a value packed varints:
 * {@code fraud_v1}'s history about 11 bytes, a declared set's state about 30 ({@code fraud_v2}: 29 on average and 33
 * at most in StateFootprintIT, where its decimal text took 58 and up to 63); one over 64 bytes (a state whose
 * numbers are mostly above 67 million) or a 129th record turns its bucket into a hashtable: still correct, still one
 * key, at some 50 B more a record. Below about one transaction a bucket (some 10 a second) most buckets hold one
 * record and cost what a key a record did.
 *
 * @param namespace what every key of the set starts with, {@code {prefix}{setId}:}
 */
public record TransactionCacheKeys(String namespace, DayBuckets buckets) {

    public TransactionCacheKeys {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(buckets, "buckets");
    }

    /** The bucket of {@code transactionId} on {@code epochDay}. */
    public String bucket(long epochDay, String transactionId) {
        return namespace + "t:" + buckets.tag(epochDay, transactionId);
    }

    /** The buckets a transaction arriving at {@code nowMillis} looks in, today's first (the one it is written to). */
    public List<String> search(String transactionId, long nowMillis, Duration retention) {
        return buckets.tagsToSearch(transactionId, nowMillis, retention).stream().map(tag -> namespace + "t:" + tag)
                .toList();
    }

    /** The fields that transactions arriving between {@code from} and {@code to} wrote, by bucket. */
    public Map<String, List<String>> fields(List<String> transactionIds, Instant from, Instant to) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        long last = DayBuckets.epochDay(to.toEpochMilli());
        for (String tx : transactionIds) {
            for (long day = DayBuckets.epochDay(from.toEpochMilli()); day <= last; day++) {
                fields.computeIfAbsent(bucket(day, tx), k -> new ArrayList<>()).add(tx);
            }
        }
        return fields;
    }
}
