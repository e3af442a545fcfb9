package dev.fraudscore.featureservice.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.domain.Channel;
import dev.fraudscore.domain.DayBuckets;
import dev.fraudscore.features.AggregateFeatureSet;
import dev.fraudscore.features.FeatureSet;
import dev.fraudscore.features.FeatureSets;
import dev.fraudscore.features.FeatureTransaction;
import dev.fraudscore.features.state.AggregateStore;
import dev.fraudscore.testsupport.RedisMemory;
import dev.fraudscore.testsupport.TestRedis;
import dev.fraudscore.testsupport.TestRedisTemplate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * How many bytes of Redis a retained transaction's cache record costs in feature-service, for {@code fraud_v1} and
 * {@code fraud_v2}: writes {@code footprint.transactions} (10,000) transactions of cards drawn from 5,000, over an
 * hour, through the real store into the test Redis, then reports the {@code MEMORY USAGE} of the cache's buckets and
 * the {@code used_memory} deleting them gives back, per transaction. Two fills of a bucket: production's, some 82
 * records a bucket at 1,000 transactions a second over 2^20 buckets a day (here 10,000 over 128 buckets), and a low
 * volume's, one record a bucket (2^20 buckets for 10,000). The README's "Per-transaction state" comes from here:
 * {@code mvn -B -o -pl feature-service -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=TransactionCacheFootprintIT -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
class TransactionCacheFootprintIT {

    private static final int TRANSACTIONS = Integer.getInteger("footprint.transactions", 10_000);
    private static final Instant START = Instant.parse("2026-12-02T09:00:00Z");
    /** When every transaction arrives: near the real time, as Redis expires a cache bucket by its own clock. */
    private static final Instant ARRIVAL = LocalDate.now(ZoneOffset.UTC).atTime(12, 0).toInstant(ZoneOffset.UTC);
    private static final HistoryTtls TTLS = HistoryTtls.of(Duration.ofHours(25), Duration.ofHours(24));
    /** 10,000 transactions as full as 1,000 a second fill 2^20 buckets: some 78 a bucket. */
    private static final DayBuckets FULL = new DayBuckets(128);

    private static final TestRedisTemplate CONNECTION = TestRedisTemplate.open();
    private static final StringRedisTemplate REDIS = CONNECTION.template();
    private static final RedisScript<String> ENCODING =
            RedisScript.of("return redis.call('OBJECT', 'ENCODING', KEYS[1])", String.class);

    private final RedisMemory memory = CONNECTION.memory();

    @AfterAll
    static void disconnect() {
        CONNECTION.close();
    }

    /**
     * What the cache's records cost, per transaction.
     *
     * @param encoding how Redis keeps the fullest bucket: {@code listpack} while its values stay within 64 bytes
     */
    private record Cost(double memoryUsage, double usedMemory, String encoding) {
    }

    @Test
    void aCacheRecordCostsItsStringsInAFullBucket() {
        Cost fraudV1 = measure("fraud_v1", FULL);
        Cost fraudV2 = measure("fraud_v2", FULL);

        // a key a record: fraud_v1 136.0 B MEMORY USAGE and 171.0 B used_memory, fraud_v2 177.1 B and 211.8 B
        // (2026-12-06, the code before); in buckets 52.9 B and 53.4 B, 69.5 B and 70.0 B (2026-12-07)
        assertThat(fraudV1.memoryUsage()).isLessThan(65);
        assertThat(fraudV1.usedMemory()).isLessThan(70);
        assertThat(fraudV2.memoryUsage()).isLessThan(85);
        assertThat(fraudV2.usedMemory()).isLessThan(90);
        assertThat(List.of(fraudV1.encoding(), fraudV2.encoding())).containsOnly("listpack");
    }

    @Test
    void aCacheRecordAloneInItsBucketCostsAKey() {
        Cost fraudV1 = measure("fraud_v1", DayBuckets.DEFAULT);
        Cost fraudV2 = measure("fraud_v2", DayBuckets.DEFAULT);

        // below some 10 transactions a second most buckets hold one record and cost what a key a record did:
        // 135.6 B and 144.8 B MEMORY USAGE, 175.4 B and 184.6 B used_memory (2026-12-07)
        assertThat(fraudV1.memoryUsage()).isLessThan(150);
        assertThat(fraudV2.memoryUsage()).isLessThan(165);
    }

    private Cost measure(String setId, DayBuckets buckets) {
        FeatureSet set = FeatureSets.find(setId).orElseThrow();
        // as long as the default "fs:", so that the keys are as long as in production
        String prefix = TestRedis.uniquePrefixLike("fs:");
        Clock clock = Clock.fixed(ARRIVAL, ZoneOffset.UTC);
        StoreKeys keys;
        Function<FeatureTransaction, Boolean> observe;
        if (!(set instanceof AggregateFeatureSet declared)) {
            CardKeys cardKeys = new CardKeys(prefix, setId, buckets);
            RedisHistoryStore store = new RedisHistoryStore(REDIS, cardKeys, TTLS, clock, "Redis under test");
            keys = cardKeys;
            observe = tx -> store.observe(tx).replayed();
        } else {
            AggregateKeys aggregateKeys = new AggregateKeys(prefix, setId, declared.state(), buckets);
            AggregateStore store = new RedisAggregateStore(REDIS, aggregateKeys, TTLS.transactionCache(), clock,
                    "Redis under test");
            keys = aggregateKeys;
            observe = tx -> store.observe(tx).replayed();
        }
        Random random = new Random(20261202L);
        List<String> cards = new ArrayList<>();
        for (int i = 0; i < Math.max(1, TRANSACTIONS / 2); i++) {
            cards.add("tok_" + HexFormat.of().toHexDigits(random.nextLong()));
        }
        long day = DayBuckets.epochDay(ARRIVAL.toEpochMilli());
        Set<String> cacheBuckets = new LinkedHashSet<>();
        Set<String> entityKeys = new LinkedHashSet<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < TRANSACTIONS; i++) {
            String card = cards.get(random.nextInt(cards.size()));
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            String merchant = "m-" + random.nextInt(2_000);
            // in the order they happened, as payments arrive
            Instant at = START.plusMillis(i * Duration.ofHours(1).toMillis() / TRANSACTIONS);
            FeatureTransaction tx = new FeatureTransaction(id, at, 100 + random.nextInt(50_000), card, "FR",
                    merchant, "5411", "FR", Channel.ECOMMERCE);
            assertThat(observe.apply(tx)).isFalse();
            cacheBuckets.add(keys.transactionCache().bucket(day, id));
            entityKeys.addAll(keys.written(card, merchant));
            ids.add(id);
        }
        try {
            double usage = cacheBuckets.stream().mapToLong(memory::usage).sum() / (double) TRANSACTIONS;
            String fullest = cacheBuckets.stream().max((a, b) -> Long.compare(REDIS.opsForHash().size(a),
                    REDIS.opsForHash().size(b))).orElseThrow();
            long fullestSize = REDIS.opsForHash().size(fullest);
            String encoding = REDIS.execute(ENCODING, List.of(fullest));
            double valueBytes = RedisMemory.spread(ids, 1_000).stream().mapToLong(id -> REDIS.opsForHash()
                    .lengthOfValue(keys.transactionCache().bucket(day, id), id)).average().orElseThrow();
            long withCache = memory.settledUsedMemory();
            REDIS.delete(cacheBuckets);
            double usedMemory = (withCache - memory.settledUsedMemory()) / (double) TRANSACTIONS;
            System.out.printf(Locale.ROOT, "%s transaction cache, %s: %,d transactions of %,d cards in %,d buckets"
                    + " (fullest %d records, %s; values %.1f B on average): MEMORY USAGE %.1f B per transaction,"
                    + " used_memory given back by deleting it %.1f B per transaction%n", setId, memory.server(),
                    TRANSACTIONS, cards.size(), cacheBuckets.size(), fullestSize, encoding, valueBytes, usage,
                    usedMemory);
            return new Cost(usage, usedMemory, encoding);
        } finally {
            REDIS.delete(cacheBuckets);
            REDIS.delete(entityKeys);
            if (keys instanceof AggregateKeys aggregates) {
                REDIS.delete(ids.stream().map(id -> aggregates.labelBucket(id, START.toEpochMilli())).toList());
            }
        }
    }
}
