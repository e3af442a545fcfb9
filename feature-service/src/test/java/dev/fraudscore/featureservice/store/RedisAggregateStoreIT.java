package dev.fraudscore.featureservice.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.domain.Channel;
import dev.fraudscore.domain.DayBuckets;
import dev.fraudscore.features.FeatureTransaction;
import dev.fraudscore.features.FraudV2;
import dev.fraudscore.features.FraudV3;
import dev.fraudscore.features.FraudV4;
import dev.fraudscore.features.state.AggregateStore.Observation;
import dev.fraudscore.features.state.Counter;
import dev.fraudscore.features.state.Entity;
import dev.fraudscore.features.state.ExactWindow;
import dev.fraudscore.features.state.FraudLabel;
import dev.fraudscore.features.state.InMemoryAggregateStore;
import dev.fraudscore.features.state.LabelOutcome;
import dev.fraudscore.features.state.LastEvent;
import dev.fraudscore.features.state.RecentMerchants;
import dev.fraudscore.features.state.StateLayout;
import dev.fraudscore.features.state.StateSpec;
import dev.fraudscore.features.state.Tiles;
import dev.fraudscore.features.state.TransactionLabel;
import dev.fraudscore.testsupport.TestRedis;
import dev.fraudscore.testsupport.TestRedisTemplate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/** The generic Redis store against the training store: same state, same label outcomes, one round trip. */
class RedisAggregateStoreIT {

    private static final Instant START = Instant.parse("2026-02-01T00:00:00Z");
    private static final Duration CACHE_TTL = Duration.ofHours(24);
    /** When transactions arrive, whatever their instant: near the real time, as Redis expires buckets by its clock. */
    private static final Instant MIDNIGHT = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    private static final Instant ARRIVAL = MIDNIGHT.minus(Duration.ofHours(12));
    private static final RedisScript<Long> EXPIRY_TIME =
            RedisScript.of("return redis.call('PEXPIRETIME', KEYS[1])", Long.class);
    private static final Tiles MERCHANT_DAYS = Tiles.daily("md", Entity.MERCHANT, List.of(1, 7), 3, Counter.COUNT,
            Counter.FRAUD);
    /** Every kind of aggregate, hourly tiles too, and a merchant memory small enough to forget. */
    private static final StateSpec EVERY_KIND = StateSpec.of(
            new ExactWindow("h", Entity.CARD, Duration.ofHours(1)),
            new LastEvent("last", Entity.CARD, Duration.ofDays(2)),
            Tiles.daily("d", Entity.CARD, List.of(1, 7, 30), 0, Counter.COUNT, Counter.AMOUNT),
            new Tiles("hr", Entity.CARD, Duration.ofHours(1), List.of(3, 24), 0, List.of(Counter.COUNT)),
            MERCHANT_DAYS,
            new RecentMerchants("m", 2, Duration.ofDays(20)));

    private static TestRedisTemplate connections;
    private static StringRedisTemplate redis;

    @BeforeAll
    static void connect() {
        connections = TestRedisTemplate.open();
        redis = connections.template();
    }

    @AfterAll
    static void disconnect() {
        connections.close();
    }

    private static RedisAggregateStore store(StringRedisTemplate template, StateSpec spec, String prefix) {
        return storeAt(ARRIVAL, template, new AggregateKeys(prefix, "fraud_v9", spec));
    }

    /** The store of a feature-service whose clock reads {@code arrival}. */
    private static RedisAggregateStore storeAt(Instant arrival, StringRedisTemplate template, AggregateKeys keys) {
        return new RedisAggregateStore(template, keys, CACHE_TTL, Clock.fixed(arrival, ZoneOffset.UTC),
                "Redis under test");
    }

    /** fraud_v2's keys under a prefix of their own. */
    private static AggregateKeys fraudV2Keys() {
        return new AggregateKeys(TestRedis.uniquePrefix(), "fraud_v9", new FraudV2().state());
    }

    private static String cacheBucket(AggregateKeys keys, Instant arrival, String transactionId) {
        return keys.transactionCache().bucket(DayBuckets.epochDay(arrival.toEpochMilli()), transactionId);
    }

    private static FeatureTransaction tx(String id, String card, String merchant, Instant at, long amountMinor) {
        return new FeatureTransaction(id, at, amountMinor, card, "DE", merchant, "5411", "FR", Channel.ECOMMERCE);
    }

    @Test
    void replaysARandomStreamWithLateTransactionsAndLabelsExactlyAsTheTrainingStoreDoes() {
        assertParity(EVERY_KIND, 20260201L);
    }

    @Test
    void fraudV2sStateIsServedExactlyAsTrained() {
        assertParity(new FraudV2().state(), 7L);
    }

    @Test
    void fraudV3sStateIsServedExactlyAsTrained() {
        assertParity(new FraudV3().state(), 11L);
    }

    @Test
    void fraudV4sStateIsServedExactlyAsTrained() {
        assertParity(new FraudV4().state(), 13L);
    }

    private void assertParity(StateSpec spec, long seed) {
        RedisAggregateStore served = store(redis, spec, TestRedis.uniquePrefix());
        InMemoryAggregateStore trained = new InMemoryAggregateStore(spec);
        Random random = new Random(seed);
        List<FeatureTransaction> seen = new ArrayList<>();
        long millis = START.toEpochMilli();
        int labelled = 0;
        for (int i = 0; i < 700; i++) {
            millis += RandomStreams.nextGap(random);
            long late = random.nextInt(10) == 0 ? random.nextInt((int) Duration.ofDays(9).toMillis()) : 0;
            FeatureTransaction tx = tx("tx-" + i, "card-" + random.nextInt(5), "m-" + random.nextInt(6),
                    Instant.ofEpochMilli(millis - late), RandomStreams.nextAmount(random));
            Observation expected = trained.observe(tx);

            assertThat(served.observe(tx)).as("state of %s", tx).isEqualTo(expected);
            assertThat(served.observe(tx)).as("retry of %s", tx).isEqualTo(new Observation(expected.state(), true));
            seen.add(tx);
            if (random.nextInt(3) == 0) {
                // a label for an earlier transaction (now and then one never seen), reported now
                String id = random.nextInt(20) == 0 ? "never-" + i : seen.get(random.nextInt(seen.size())).transactionId();
                TransactionLabel label = new TransactionLabel(id,
                        random.nextInt(5) < 3 ? FraudLabel.FRAUD : FraudLabel.GENUINE, Instant.ofEpochMilli(millis));
                assertThat(served.recordLabel(label)).as("label %s", label).isEqualTo(trained.recordLabel(label));
                labelled++;
            }
        }
        assertThat(labelled).isGreaterThan(150);
        assertThat(Duration.ofMillis(millis - START.toEpochMilli())).isGreaterThan(Duration.ofDays(40));
    }

    @Test
    void sumsAmountsBeyondTheExactRangeOfADoubleExactly() {
        RedisAggregateStore served = store(redis, EVERY_KIND, TestRedis.uniquePrefix());
        long big = (1L << 53) + 1;
        served.observe(tx("b-1", "card-b", "m-1", START, big));
        served.observe(tx("b-2", "card-b", "m-1", START.plusSeconds(1), big));

        long sum = served.observe(tx("b-3", "card-b", "m-1", START.plusSeconds(2), 1)).state()
                .sum((Tiles) EVERY_KIND.aggregates().get(2), 0, Counter.AMOUNT);

        assertThat(sum).isEqualTo(2 * big);
    }

    @Test
    void oneObservationIsOneRoundTripWhateverTheSet() {
        CountingTemplate counting = new CountingTemplate(redis);
        RedisAggregateStore served = store(counting, new FraudV2().state(), TestRedis.uniquePrefix());
        served.observe(tx("warm", "card-r", "m-1", START, 1)); // loads the script

        for (int i = 0; i < 5; i++) {
            int before = counting.callbacks();
            served.observe(tx("r-" + i, "card-r", "m-" + i, START.plusSeconds(i + 1), 100));
            assertThat(counting.callbacks() - before).as("callbacks of observation %d", i).isEqualTo(1);
        }
    }

    @Test
    void everyKeyExpiresWithItsLongestWindow() {
        String prefix = TestRedis.uniquePrefix();
        StateSpec spec = new FraudV2().state();
        RedisAggregateStore served = store(redis, spec, prefix);
        AggregateKeys keys = new AggregateKeys(prefix, "fraud_v9", spec);
        FeatureTransaction tx = tx("e-1", "card-e", "m-e", START, 100);
        served.observe(tx);

        for (String key : keys.written("card-e", "m-e")) {
            long ttl = redis.getExpire(key, TimeUnit.MILLISECONDS);
            assertThat(ttl).as("TTL of %s", key).isPositive().isLessThanOrEqualTo(Duration.ofDays(90).toMillis());
        }
        assertThat(redis.execute(EXPIRY_TIME, List.of(cacheBucket(keys, ARRIVAL, "e-1"))))
                .as("transaction cache: the end of the day it arrived, then the retention")
                .isEqualTo(MIDNIGHT.plus(CACHE_TTL).toEpochMilli());
        assertThat(redis.getExpire(keys.aggregate(spec.aggregates().get(3), "m-e"), TimeUnit.DAYS))
                .as("merchant tiles: 7 days of delay, 30 of window, the day itself and one of slack").isEqualTo(38);
        assertThat(redis.getExpire(keys.labelBucket("e-1", START.toEpochMilli()), TimeUnit.DAYS))
                .as("label bucket: the end of the transaction's day, then the label horizon of 39 days").isEqualTo(39);
    }

    @Test
    void keepsTheRecordsOfTwoTransactionsInOneBucketApart() {
        String prefix = TestRedis.uniquePrefix();
        StateSpec spec = new FraudV2().state();
        RedisAggregateStore served = store(redis, spec, prefix);
        InMemoryAggregateStore trained = new InMemoryAggregateStore(spec);
        List<String> ids = idsInOneBucket();
        AggregateKeys keys = new AggregateKeys(prefix, "fraud_v9", spec);
        String bucket = keys.labelBucket(ids.get(0), START.toEpochMilli());
        // the later one first: were the second write to set the bucket's TTL again, it would push it further
        List<FeatureTransaction> txs = List.of(tx(ids.get(0), "card-a", "m-a", START.plus(Duration.ofHours(20)), 100),
                tx(ids.get(1), "card-b", "m-b", START.plusSeconds(60), 200));
        txs.forEach(tx -> assertThat(served.observe(tx)).isEqualTo(trained.observe(tx)));
        long ttl = redis.getExpire(bucket, TimeUnit.MILLISECONDS);

        Instant later = START.plus(Duration.ofDays(3));
        List<TransactionLabel> labels = List.of(new TransactionLabel(ids.get(1), FraudLabel.FRAUD, later),
                new TransactionLabel(ids.get(0), FraudLabel.GENUINE, later),
                new TransactionLabel(ids.get(1), FraudLabel.FRAUD, later.plusSeconds(1)),
                new TransactionLabel(ids.get(0), FraudLabel.FRAUD, later.plusSeconds(2)),
                // dated before the transaction's day: Redis does not look there, and neither does the training store
                new TransactionLabel(ids.get(1), FraudLabel.GENUINE, START.minusSeconds(1)));
        List<LabelOutcome> outcomes = labels.stream().map(served::recordLabel).toList();

        assertThat(outcomes).containsExactly(LabelOutcome.RECORDED, LabelOutcome.RECORDED, LabelOutcome.REPEATED,
                LabelOutcome.CONFLICT, LabelOutcome.UNKNOWN_TRANSACTION);
        assertThat(labels.stream().map(trained::recordLabel).toList()).isEqualTo(outcomes);
        assertThat(redis.opsForHash().keys(bucket)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(redis.getExpire(bucket, TimeUnit.MILLISECONDS)).as("set once, when the bucket was created")
                .isLessThanOrEqualTo(ttl);
        FeatureTransaction next = tx("n-1", "card-b", "m-b", START.plus(Duration.ofDays(9)), 100);
        assertThat(served.observe(next)).as("the fraud counted once, in its merchant's tile")
                .isEqualTo(trained.observe(next));
    }

    /** Two transaction ids that share a label bucket. */
    private static List<String> idsInOneBucket() {
        Map<Integer, String> seen = new HashMap<>();
        for (int i = 0; ; i++) {
            String id = "b-" + i;
            String other = seen.putIfAbsent(StateLayout.labelBucket(id), id);
            if (other != null) {
                return List.of(other, id);
            }
        }
    }

    @Test
    void keepsAStateInAFewBytes() {
        AggregateKeys keys = fraudV2Keys();
        RedisAggregateStore served = storeAt(ARRIVAL, redis, keys);
        served.observe(tx("b-0", "card-b", "m-1", START, 12_999));
        served.observe(tx("b-1", "card-b", "m-2", START.plusSeconds(90), 4_550));

        // 1 earlier in the hour; the last instant; (1, 12,999) over 1, 7, 30 days; 6 empty merchant windows; m-2
        // not paid before: 1 + 7 + 3 * (1 + 3) + 6 + 1 bytes, where "1,1769904000000,1,12999,...,0" took 53
        assertThat(redis.opsForHash().lengthOfValue(cacheBucket(keys, ARRIVAL, "b-1"), "b-1")).isEqualTo(27);
    }

    /** fraud_v2 served (transactions arriving at {@code ARRIVAL}) and trained, fed the same transactions. */
    private record BothStores(AggregateKeys keys, RedisAggregateStore served, InMemoryAggregateStore trained) {

        static BothStores ofFraudV2() {
            AggregateKeys keys = fraudV2Keys();
            return new BothStores(keys, storeAt(ARRIVAL, redis, keys), new InMemoryAggregateStore(keys.spec()));
        }

        /** The served observation of {@code tx}, which the trained store agrees with. */
        Observation observe(FeatureTransaction tx) {
            Observation seen = served.observe(tx);
            assertThat(seen).as("state of %s", tx).isEqualTo(trained.observe(tx));
            return seen;
        }
    }

    @Test
    void aRetryAfterMidnightGetsTheFirstStateAndMovesNothing() {
        BothStores stores = BothStores.ofFraudV2();
        stores.observe(tx("n-0", "card-n", "m-n", START, 1_000));
        // occurred in February, arrives in the last millisecond of a day; the retry, a second after midnight
        FeatureTransaction tx = tx("n-1", "card-n", "m-n", START.plusSeconds(60), 2_500);
        Observation first = storeAt(MIDNIGHT.minusMillis(1), redis, stores.keys()).observe(tx);

        Observation retry = storeAt(MIDNIGHT.plusSeconds(1), redis, stores.keys()).observe(tx);

        assertThat(first).isEqualTo(stores.trained().observe(tx));
        assertThat(retry).isEqualTo(new Observation(first.state(), true));
        assertThat(redis.hasKey(cacheBucket(stores.keys(), MIDNIGHT, "n-1"))).as("nothing written on the new day")
                .isFalse();
        stores.observe(tx("n-2", "card-n", "m-n", START.plusSeconds(120), 100)); // the retry counted nothing
    }

    @Test
    void aStateKeptOneKeyATransactionIsReplayedAndMovesNothing() {
        BothStores stores = BothStores.ofFraudV2();
        stores.observe(tx("o-0", "card-o", "m-o", START, 1_000));
        FeatureTransaction tx = tx("o-1", "card-o", "m-o", START.plusSeconds(30), 2_000);
        Observation first = stores.observe(tx);
        // as the version before kept it (and the backfill does): a string of its own, the numbers in decimal by ','
        String bucket = cacheBucket(stores.keys(), ARRIVAL, "o-1");
        redis.opsForHash().delete(bucket, "o-1");
        redis.opsForValue().set(stores.keys().transaction("card-o", "o-1"), Arrays.stream(first.state().values())
                .mapToObj(Long::toString).collect(Collectors.joining(",")), CACHE_TTL);

        Observation retry = stores.served().observe(tx);

        assertThat(retry).isEqualTo(new Observation(first.state(), true));
        assertThat(redis.opsForHash().hasKey(bucket, "o-1")).as("not written again").isFalse();
        stores.observe(tx("o-2", "card-o", "m-o", START.plusSeconds(60), 100)); // the retry counted nothing
    }

    @Test
    void aCacheBucketExpiresAtTheEndOfItsDayPlusTheRetentionSetByItsFirstRecord() {
        // one bucket a day: every transaction of a day shares it
        AggregateKeys keys = new AggregateKeys(TestRedis.uniquePrefix(), "fraud_v9", new FraudV2().state(),
                new DayBuckets(1));
        Instant morning = MIDNIGHT.minus(Duration.ofHours(20));
        storeAt(morning, redis, keys).observe(tx("x-1", "card-x", "m-x", START, 100));
        // a later record, under another retention (an instance configured otherwise), does not move it
        new RedisAggregateStore(redis, keys, CACHE_TTL.multipliedBy(2),
                Clock.fixed(morning.plus(Duration.ofHours(19)), ZoneOffset.UTC), "Redis under test")
                .observe(tx("x-2", "card-y", "m-x", START, 100));

        String bucket = cacheBucket(keys, morning, "x-1");
        assertThat(redis.opsForHash().keys(bucket)).containsExactlyInAnyOrder("x-1", "x-2");
        assertThat(redis.execute(EXPIRY_TIME, List.of(bucket))).isEqualTo(MIDNIGHT.plus(CACHE_TTL).toEpochMilli())
                .isEqualTo(DayBuckets.expiry(morning.toEpochMilli(), CACHE_TTL));
    }

    @Test
    void keepsATileHashBoundedWhateverTheHistory() {
        String prefix = TestRedis.uniquePrefix();
        StateSpec spec = new FraudV2().state();
        RedisAggregateStore served = store(redis, spec, prefix);
        for (int day = 0; day < 120; day++) {
            served.observe(tx("k-" + day, "card-k", "m-k", START.plus(Duration.ofDays(day)), 100));
        }
        AggregateKeys keys = new AggregateKeys(prefix, "fraud_v9", spec);

        // 30 daily tiles of count and amount, and the latest tile written
        assertThat(redis.opsForHash().size(keys.aggregate(spec.aggregates().get(2), "card-k"))).isLessThanOrEqualTo(61);
        assertThat(redis.opsForZSet().size(keys.aggregate(spec.aggregates().get(4), "card-k"))).isEqualTo(1);
    }

    @Test
    void worksAfterRedisForgotTheScript() {
        RedisAggregateStore served = store(redis, EVERY_KIND, TestRedis.uniquePrefix());
        served.observe(tx("s-1", "card-s", "m-1", START, 100));
        redis.execute((RedisCallback<Void>) connection -> {
            connection.scriptingCommands().scriptFlush();
            return null;
        });

        assertThat(served.observe(tx("s-2", "card-s", "m-1", START.plusSeconds(1), 100)).state()
                .seen((RecentMerchants) EVERY_KIND.aggregates().get(5))).isTrue();
    }
}
