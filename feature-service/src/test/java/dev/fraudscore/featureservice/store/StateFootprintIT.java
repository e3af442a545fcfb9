package dev.fraudscore.featureservice.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.domain.Channel;
import dev.fraudscore.domain.DayBuckets;
import dev.fraudscore.features.FeatureSet;
import dev.fraudscore.features.FeatureSets;
import dev.fraudscore.features.FeatureStore;
import dev.fraudscore.features.FeatureTransaction;
import dev.fraudscore.features.state.StateLayout;
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
import java.util.LongSummaryStatistics;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * How many bytes of Redis a card and a merchant cost in each feature set, once their windows are full: writes
 * {@code footprint.cards} (300; the README's numbers with 1,000) cards paying {@code footprint.per-day} (3) times a
 * day for 35 days at 500
 * merchants, in time order, through the real stores, then sums {@code MEMORY USAGE} of each card's and each
 * merchant's keys (the per-transaction records, the retry cache and fraud_v2's label records, are reported apart:
 * both in day buckets, the retry cache by the day a transaction arrives, so the run's 105,000 transactions, all
 * arriving today, have a retry cache bucket each; {@link TransactionCacheFootprintIT} measures full buckets).
 * The README's "Feature sets" footprint comes from here:
 * {@code mvn -B -o -pl feature-service -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=StateFootprintIT -Dfailsafe.failIfNoSpecifiedTests=false -Dfootprint.cards=1000}.
 */
class StateFootprintIT {

    private static final int CARDS = Integer.getInteger("footprint.cards", 300);
    private static final int PER_DAY = Integer.getInteger("footprint.per-day", 3);
    private static final int MERCHANTS = 500;
    private static final int DAYS = 35;
    private static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
    /** When every transaction arrives: near the real time, as Redis expires a cache bucket by its own clock. */
    private static final Instant ARRIVAL = LocalDate.now(ZoneOffset.UTC).atTime(12, 0).toInstant(ZoneOffset.UTC);
    private static final HistoryTtls TTLS = HistoryTtls.of(Duration.ofHours(25), Duration.ofHours(24));

    private static final TestRedisTemplate CONNECTION = TestRedisTemplate.open();
    private static final StringRedisTemplate REDIS = CONNECTION.template();

    private static final RedisScript<String> ENCODING =
            RedisScript.of("return redis.call('OBJECT', 'ENCODING', KEYS[1])", String.class);

    private final RedisMemory memory = CONNECTION.memory();

    @AfterAll
    static void disconnect() {
        CONNECTION.close();
    }

    @Test
    void reportsTheBytesOfACardAndAMerchantPerSet() {
        double fraudV1 = measure(FeatureSets.find("fraud_v1").orElseThrow());
        double fraudV2 = measure(FeatureSets.find("fraud_v2").orElseThrow());
        double fraudV3 = measure(FeatureSets.find("fraud_v3").orElseThrow());
        double fraudV4 = measure(FeatureSets.find("fraud_v4").orElseThrow());

        // bounded: 1,067 B measured on Redis 7.0 (the goal of 1 KB is not quite met, see README), where fraud_v1's
        // merchant set grows with every merchant a card pays
        assertThat(fraudV2).isLessThan(1_200).isLessThan(fraudV1);
        // fraud_v3 remembers 12 merchants, not 16: under the goal of 1 KB a card
        assertThat(fraudV3).isLessThan(1_024).isLessThan(fraudV2);
        // fraud_v4 changes the merchant's tiles only
        assertThat(fraudV4).isEqualTo(fraudV3);
    }

    /**
     * A label record in a bucket as full as at 1,000 transactions a second (86.4 M a day over the buckets): the ids
     * are picked so that they share one bucket, which a test could not fill with a day of real traffic.
     */
    @Test
    void aLabelRecordCostsItsStringsInAFullBucket() {
        FeatureSet set = FeatureSets.find("fraud_v2").orElseThrow();
        RedisFeatureStores stores = stores();
        FeatureStore store = stores.storeOf(set);
        int fill = (int) Math.round(86_400_000.0 / StateLayout.LABEL_BUCKETS_PER_DAY);
        int bucket = StateLayout.labelBucket("tx-0");
        Random random = new Random(20261207L);
        List<String> cards = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (long i = 0; ids.size() < fill; i++) {
            String id = "tx-" + i;
            if (StateLayout.labelBucket(id) == bucket) {
                String card = "tok_" + HexFormat.of().toHexDigits(random.nextLong());
                store.observe(new FeatureTransaction(id, START.plusSeconds(ids.size()), 100, card, "FR",
                        "m-fill", "5411", "FR", Channel.ECOMMERCE));
                ids.add(id);
                cards.add(card);
            }
        }
        AggregateKeys keys = (AggregateKeys) stores.keysOf(set);
        String key = keys.labelBucket("tx-0", START.toEpochMilli());
        double perRecord = memory.usage(key) / (double) fill;
        System.out.printf(Locale.ROOT, "fraud_v2 label records, %s: %.1f B per record in a bucket of %d (%s)%n",
                memory.server(), perRecord, fill, REDIS.execute(ENCODING, List.of(key)));
        List<String> written = new ArrayList<>(List.of(key));
        for (int i = 0; i < fill; i++) {
            written.addAll(keys.written(cards.get(i), "m-fill"));
            written.add(keys.transactionCache().bucket(DayBuckets.epochDay(ARRIVAL.toEpochMilli()), ids.get(i)));
        }
        REDIS.delete(written);
        // 63.3 B measured on Redis 7.0 (2026-12-07); 136 B a record when each has a key of its own
        assertThat(perRecord).isLessThan(80);
    }

    private static RedisFeatureStores stores() {
        // as long as the default "fs:", so that the keys are as long as in production
        return new RedisFeatureStores(REDIS, TestRedis.uniquePrefixLike("fs:"), TTLS,
                Clock.fixed(ARRIVAL, ZoneOffset.UTC), "Redis under test");
    }

    private double measure(FeatureSet set) {
        RedisFeatureStores stores = stores();
        FeatureStore store = stores.storeOf(set);
        StoreKeys keys = stores.keysOf(set);
        Random random = new Random(20261206L);
        List<String> cards = new ArrayList<>();
        for (int i = 0; i < CARDS; i++) {
            cards.add("tok_" + HexFormat.of().toHexDigits(random.nextLong()));
        }
        long payments = (long) CARDS * PER_DAY * DAYS;
        List<String[]> transactions = new ArrayList<>();
        for (long i = 0; i < payments; i++) {
            String card = cards.get(random.nextInt(CARDS));
            String id = "tx-" + i;
            Instant at = START.plusMillis(i * Duration.ofDays(DAYS).toMillis() / payments);
            FeatureTransaction tx = new FeatureTransaction(id, at, 100 + random.nextInt(50_000), card, "FR",
                    "m-" + random.nextInt(MERCHANTS), "5411", "FR", Channel.ECOMMERCE);
            store.observe(tx);
            transactions.add(new String[] {card, id, Long.toString(at.toEpochMilli())});
        }
        long cardBytes = 0;
        long merchantBytes = 0;
        List<String> entityKeys = new ArrayList<>();
        for (String card : cards) {
            for (String key : keys.written(card, "\0")) {
                if (!key.contains("\0")) {
                    cardBytes += memory.usage(key);
                    entityKeys.add(key);
                }
            }
        }
        for (int m = 0; m < MERCHANTS; m++) {
            for (String key : keys.written("\0", "m-" + m)) {
                if (!key.contains("\0")) {
                    merchantBytes += memory.usage(key);
                    entityKeys.add(key);
                }
            }
        }
        // the retry cache's and the label records' buckets: every bucket written, over every transaction
        long arrivalDay = DayBuckets.epochDay(ARRIVAL.toEpochMilli());
        Set<String> cacheBuckets = new LinkedHashSet<>();
        transactions.forEach(tx -> cacheBuckets.add(keys.transactionCache().bucket(arrivalDay, tx[1])));
        long cacheBytes = cacheBuckets.stream().mapToLong(memory::usage).sum();
        Set<String> labelBuckets = new LinkedHashSet<>();
        if (keys instanceof AggregateKeys aggregates && aggregates.spec().countsLabels()) {
            transactions.forEach(tx -> labelBuckets.add(aggregates.labelBucket(tx[1], Long.parseLong(tx[2]))));
        }
        long labelBytes = labelBuckets.stream().mapToLong(memory::usage).sum();
        LongSummaryStatistics values = new LongSummaryStatistics();
        for (int i = 0; i < transactions.size(); i += Math.max(1, transactions.size() / 1_000)) {
            String id = transactions.get(i)[1]; // spread over the run, not only the first written
            values.accept(REDIS.opsForHash().lengthOfValue(keys.transactionCache().bucket(arrivalDay, id), id));
        }
        System.out.printf(Locale.ROOT, "%s footprint, %s: %,d cards paying %d times a day for %d days at %,d"
                        + " merchants: MEMORY USAGE %.0f B per card, %.0f B per merchant; per transaction %.1f B in"
                        + " the retry cache (%,d buckets; values %.1f B on average, at most %d, of %,d), %.1f B in"
                        + " label records (%,d buckets)%n",
                set.id(), memory.server(), CARDS, PER_DAY, DAYS, MERCHANTS, cardBytes / (double) CARDS,
                merchantBytes / (double) MERCHANTS, cacheBytes / (double) transactions.size(), cacheBuckets.size(),
                values.getAverage(), values.getMax(), values.getCount(), labelBytes / (double) transactions.size(),
                labelBuckets.size());
        REDIS.delete(entityKeys);
        List<String> bucketKeys = new ArrayList<>(cacheBuckets);
        bucketKeys.addAll(labelBuckets);
        for (int from = 0; from < bucketKeys.size(); from += 10_000) {
            REDIS.delete(bucketKeys.subList(from, Math.min(bucketKeys.size(), from + 10_000)));
        }
        return cardBytes / (double) CARDS;
    }
}
