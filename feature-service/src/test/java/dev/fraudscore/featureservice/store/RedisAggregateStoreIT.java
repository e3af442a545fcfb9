package dev.fraudscore.featureservice.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.domain.Channel;
import dev.fraudscore.features.FeatureTransaction;
import dev.fraudscore.features.FraudV2;
import dev.fraudscore.features.FraudV3;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The generic Redis store against the training store: same state, same label outcomes, one round trip. */
class RedisAggregateStoreIT {

    private static final Instant START = Instant.parse("2026-02-01T00:00:00Z");
    private static final Duration CACHE_TTL = Duration.ofHours(24);
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
        return new RedisAggregateStore(template, new AggregateKeys(prefix, "fraud_v9", spec), CACHE_TTL,
                "Redis under test");
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

        for (String key : keys.written("card-e", "m-e", List.of("e-1"))) {
            long ttl = redis.getExpire(key, TimeUnit.MILLISECONDS);
            assertThat(ttl).as("TTL of %s", key).isPositive().isLessThanOrEqualTo(Duration.ofDays(90).toMillis());
        }
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
