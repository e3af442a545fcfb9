package dev.fraudscore.featureservice.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.domain.Channel;
import dev.fraudscore.domain.DayBuckets;
import dev.fraudscore.features.CardHistory;
import dev.fraudscore.features.FeatureTransaction;
import dev.fraudscore.features.FeatureVector;
import dev.fraudscore.features.FraudV1;
import dev.fraudscore.features.HistoryStore.Observation;
import dev.fraudscore.features.HistoryStore;
import dev.fraudscore.features.HistoryWindows;
import dev.fraudscore.features.InMemoryHistoryStore;
import dev.fraudscore.featureservice.domain.FeatureStoreUnavailableException;
import dev.fraudscore.testsupport.FreePorts;
import dev.fraudscore.testsupport.TestRedis;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

class RedisHistoryStoreIT {

    private static final Instant START = Instant.parse("2026-02-01T00:00:00Z");
    private static final HistoryTtls TTLS = HistoryTtls.of(Duration.ofHours(25), Duration.ofHours(24));
    private static final FraudV1 FRAUD_V1 = new FraudV1();
    /**
     * When transactions arrive, whenever they occurred: near the real time, as Redis expires a cache bucket by its
     * own clock (the end of the bucket's day plus the retention).
     */
    private static final Instant MIDNIGHT = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    private static final Instant ARRIVAL = MIDNIGHT.minus(Duration.ofHours(12));
    private static final RedisScript<Long> EXPIRY_TIME =
            RedisScript.of("return redis.call('PEXPIRETIME', KEYS[1])", Long.class);

    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate redis;

    private final CardKeys keys = new CardKeys(TestRedis.uniquePrefix(), "fraud_v1");
    private final RedisHistoryStore store = storeAt(ARRIVAL);

    @BeforeAll
    static void connect() {
        TestRedis testRedis = TestRedis.get();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(testRedis.host(), testRedis.port()));
        connections.afterPropertiesSet();
        connections.start();
        redis = new StringRedisTemplate(connections);
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    /** The store of a feature-service whose clock reads {@code arrival}. */
    private RedisHistoryStore storeAt(Instant arrival) {
        return storeAt(arrival, keys, TTLS);
    }

    private static RedisHistoryStore storeAt(Instant arrival, CardKeys keys, HistoryTtls ttls) {
        return new RedisHistoryStore(redis, keys, ttls, Clock.fixed(arrival, ZoneOffset.UTC), "Redis under test");
    }

    private String cacheBucket(Instant arrival, String transactionId) {
        return keys.transactionCache().bucket(DayBuckets.epochDay(arrival.toEpochMilli()), transactionId);
    }

    private static FeatureTransaction tx(String id, String card, String merchant, Instant at, long amountMinor) {
        return new FeatureTransaction(id, at, amountMinor, card, "DE", merchant, "5411", "FR", Channel.ECOMMERCE);
    }

    /** The training store and the serving store must agree on every history and every vector. */
    private List<Observation> assertBothStoresAgree(List<FeatureTransaction> stream) {
        InMemoryHistoryStore training = new InMemoryHistoryStore();
        List<Observation> served = new ArrayList<>();
        for (FeatureTransaction tx : stream) {
            Observation expected = training.observe(tx);
            Observation actual = store.observe(tx);

            assertThat(actual).as("history of %s", tx).isEqualTo(expected);
            assertThat(store.observe(tx)).as("retry of %s", tx).isEqualTo(new Observation(expected.history(), true));
            FeatureVector expectedVector = FRAUD_V1.compute(tx, expected.history());
            FeatureVector actualVector = FRAUD_V1.compute(tx, actual.history());
            assertThat(actualVector.values()).as("vector of %s", tx).containsExactly(expectedVector.values());
            assertThat(actualVector.missing()).as("missing of %s", tx).isEqualTo(expectedVector.missing());
            served.add(actual);
        }
        return served;
    }

    @Test
    void replaysARandomStreamExactlyAsTheTrainingStoreDoes() {
        Random random = new Random(20260201L);
        List<FeatureTransaction> stream = new ArrayList<>();
        long millis = START.toEpochMilli();
        for (int i = 0; i < 400; i++) {
            millis += RandomStreams.nextGap(random);
            stream.add(tx("tx-" + i, "card-" + random.nextInt(5), "m-" + random.nextInt(8),
                    Instant.ofEpochMilli(millis), RandomStreams.nextAmount(random)));
        }
        // the stream must exercise what could diverge: ties, both windows, gaps beyond 24 h, long sums
        assertThat(stream.stream().map(FeatureTransaction::occurredAt).distinct().count()).isLessThan(stream.size());
        assertThat(Duration.between(stream.get(0).occurredAt(), stream.get(stream.size() - 1).occurredAt()))
                .isGreaterThan(Duration.ofDays(5));

        assertBothStoresAgree(stream);
    }

    @Test
    void agreesWithTheTrainingStoreWhenTransactionsArriveLate() {
        Random random = new Random(7L);
        List<FeatureTransaction> stream = new ArrayList<>();
        long millis = START.toEpochMilli();
        for (int i = 0; i < 200; i++) {
            millis += RandomStreams.nextGap(random);
            long late = random.nextInt(10) == 0 ? random.nextInt((int) Duration.ofHours(30).toMillis()) : 0;
            stream.add(tx("late-" + i, "card-" + random.nextInt(3), "m-" + random.nextInt(4),
                    Instant.ofEpochMilli(millis - late), RandomStreams.nextAmount(random)));
        }

        assertBothStoresAgree(stream);
    }

    @Test
    void agreesOnTheEdgesOfBothWindows() {
        Instant at = START;
        List<FeatureTransaction> stream = List.of(
                tx("e-0", "card-e", "m-1", at, 100),
                tx("e-1", "card-e", "m-1", at.plus(HistoryWindows.SHORT), 200),
                tx("e-2", "card-e", "m-2", at.plus(HistoryWindows.SHORT).plusMillis(1), 300),
                tx("e-3", "card-e", "m-1", at.plus(HistoryWindows.LONG), 400),
                tx("e-3b", "card-e", "m-1", at.plus(HistoryWindows.LONG), 450),
                tx("e-4", "card-e", "m-1", at.plus(HistoryWindows.LONG).plusMillis(1), 500),
                tx("e-5", "card-e", "m-3", at.plus(HistoryWindows.LONG).plus(HistoryWindows.SHORT).plusMillis(1), 600));

        List<Observation> served = assertBothStoresAgree(stream);

        // an entry exactly 1 h or 24 h old still counts; one a millisecond older does not
        assertThat(served.get(1).history().txCount1h()).isEqualTo(1);
        assertThat(served.get(3).history().txCount24h()).isEqualTo(3);
        assertThat(served.get(4).history().txCount24h()).as("recording e-3 must not trim e-0, exactly 24 h old").isEqualTo(4);
        assertThat(served.get(5).history().txCount24h()).isEqualTo(4);
        assertThat(served.get(5).history().amountSum24hMinor()).isEqualTo(200 + 300 + 400 + 450);
        assertThat(served.get(6).history().txCount1h()).isEqualTo(1);
        assertThat(served.get(6).history().amountSum24hMinor()).isEqualTo(300 + 400 + 450 + 500);
    }

    @Test
    void sumsAmountsBeyondTheExactRangeOfADoubleExactly() {
        long big = (1L << 53) + 1; // a double would round this to 2^53
        Instant at = START;
        store.observe(tx("big-1", "card-big", "m", at, big));
        store.observe(tx("big-2", "card-big", "m", at.plusSeconds(1), big));

        CardHistory history = store.observe(tx("big-3", "card-big", "m", at.plusSeconds(2), 1)).history();

        assertThat(history.amountSum24hMinor()).isEqualTo(2 * big);
        assertThat(history.lastSeenMillis()).isEqualTo(at.plusSeconds(1).toEpochMilli());
    }

    @Test
    void aRetryReturnsTheFirstHistoryAndCountsOnce() {
        store.observe(tx("r-0", "card-r", "m-1", START, 1_000));
        FeatureTransaction tx = tx("r-1", "card-r", "m-2", START.plusSeconds(60), 2_500);
        Observation first = store.observe(tx);

        Observation retry = store.observe(tx);

        assertThat(first.replayed()).isFalse();
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.history()).isEqualTo(first.history());
        CardHistory next = store.observe(tx("r-2", "card-r", "m-2", START.plusSeconds(120), 100)).history();
        assertThat(next.txCount24h()).isEqualTo(2);
        assertThat(next.amountSum24hMinor()).isEqualTo(3_500);
        assertThat(redis.opsForZSet().zCard(keys.window("card-r"))).isEqualTo(3);
    }

    @Test
    void keepsATransactionsHistoryInAFewBytes() {
        store.observe(tx("b-0", "card-b", "m-1", START, 12_999));
        store.observe(tx("b-1", "card-b", "m-2", START.plusSeconds(90), 4_550));

        assertThat(redis.opsForHash().lengthOfValue(cacheBucket(ARRIVAL, "b-1"), "b-1")).isEqualTo(10);
    }

    @Test
    void aRetryAfterMidnightGetsTheFirstHistoryAndMovesNothing() {
        store.observe(tx("n-0", "card-n", "m-1", START, 1_000));
        // occurred in February: the cache keeps it by the day it arrived, the last millisecond of a day
        FeatureTransaction tx = tx("n-1", "card-n", "m-1", START.plusSeconds(60), 2_500);
        Observation first = storeAt(MIDNIGHT.minusMillis(1)).observe(tx);

        Observation retry = storeAt(MIDNIGHT.plusSeconds(1)).observe(tx);

        assertThat(first.replayed()).isFalse();
        assertThat(retry).isEqualTo(new Observation(first.history(), true));
        assertThat(redis.opsForZSet().zCard(keys.window("card-n"))).isEqualTo(2);
        assertThat(redis.hasKey(cacheBucket(MIDNIGHT, "n-1"))).as("nothing written on the new day").isFalse();
        // a retention (24 h) after the day it arrived, its bucket is no longer looked in: a new transaction
        assertThat(storeAt(MIDNIGHT.plus(TTLS.transactionCache()).plusMillis(1)).observe(tx).replayed()).isFalse();
    }

    @Test
    void aHistoryKeptOneKeyATransactionByTheVersionBeforeIsReplayedAndMovesNothing() {
        store.observe(tx("o-0", "card-o", "m-1", START, 1_000));
        FeatureTransaction tx = tx("o-1", "card-o", "m-1", START.plusSeconds(30), 2_000);
        Observation first = store.observe(tx);
        // as the version before kept it: the same packed history, in a string of its own
        byte[] bucket = cacheBucket(ARRIVAL, "o-1").getBytes(StandardCharsets.UTF_8);
        byte[] field = "o-1".getBytes(StandardCharsets.UTF_8);
        byte[] legacy = keys.transaction("card-o", "o-1").getBytes(StandardCharsets.UTF_8);
        redis.execute((RedisCallback<Void>) connection -> {
            byte[] packed = connection.hashCommands().hGet(bucket, field);
            connection.hashCommands().hDel(bucket, field);
            connection.stringCommands().pSetEx(legacy, TTLS.transactionCache().toMillis(), packed);
            return null;
        });

        Observation retry = store.observe(tx);

        assertThat(retry).isEqualTo(new Observation(first.history(), true));
        assertThat(redis.opsForZSet().zCard(keys.window("card-o"))).isEqualTo(2);
        assertThat(redis.opsForHash().hasKey(cacheBucket(ARRIVAL, "o-1"), "o-1")).as("not written again").isFalse();
    }

    @Test
    void aBucketExpiresAtTheEndOfItsDayPlusTheRetentionSetByItsFirstRecord() {
        // one bucket a day: every transaction of a day shares it
        CardKeys shared = new CardKeys(TestRedis.uniquePrefix(), "fraud_v1", new DayBuckets(1));
        Instant morning = MIDNIGHT.minus(Duration.ofHours(20));
        storeAt(morning, shared, TTLS).observe(tx("x-1", "card-x", "m-1", START, 100));
        // a later record, even under a longer retention (an instance configured otherwise), does not move it
        storeAt(morning.plus(Duration.ofHours(19)), shared, HistoryTtls.of(Duration.ofHours(25), Duration.ofHours(48)))
                .observe(tx("x-2", "card-y", "m-1", START, 100));

        String bucket = shared.transactionCache().bucket(DayBuckets.epochDay(morning.toEpochMilli()), "x-1");
        assertThat(redis.opsForHash().keys(bucket)).containsExactlyInAnyOrder("x-1", "x-2");
        assertThat(redis.execute(EXPIRY_TIME, List.of(bucket))).isEqualTo(MIDNIGHT.plus(TTLS.transactionCache())
                .toEpochMilli()).isEqualTo(DayBuckets.expiry(morning.toEpochMilli(), TTLS.transactionCache()));
    }

    @Test
    void countsEveryOneOfManyConcurrentTransactionsOfOneCard() throws Exception {
        int transactions = 50;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Observation>> results = new ArrayList<>();
        try {
            for (int i = 0; i < transactions; i++) {
                // one instant: a tie counts as earlier, so each transaction sees exactly those recorded before it
                FeatureTransaction tx = tx("c-" + i, "card-c", "m-" + i, START, 100);
                results.add(pool.submit(() -> {
                    go.await();
                    return store.observe(tx);
                }));
            }
            go.countDown();
            List<Long> countsSeen = new ArrayList<>();
            for (Future<Observation> result : results) {
                countsSeen.add(result.get(30, TimeUnit.SECONDS).history().txCount24h());
            }
            // atomic: every transaction saw a different state, 0 to 49 earlier ones
            assertThat(countsSeen).containsExactlyInAnyOrderElementsOf(
                    LongStream.range(0, transactions).boxed().toList());
        } finally {
            pool.shutdownNow();
        }

        CardHistory after = store.observe(tx("c-after", "card-c", "m-x", START.plusSeconds(1), 100)).history();
        assertThat(after.txCount24h()).isEqualTo(transactions);
        assertThat(after.amountSum24hMinor()).isEqualTo(transactions * 100L);
    }

    @Test
    void everyKeyExpires() {
        store.observe(tx("ttl-1", "card-t", "m-1", START, 100));

        long window = redis.getExpire(keys.window("card-t"), TimeUnit.MILLISECONDS);
        long merchants = redis.getExpire(keys.merchants("card-t"), TimeUnit.MILLISECONDS);
        Long cache = redis.execute(EXPIRY_TIME, List.of(cacheBucket(ARRIVAL, "ttl-1")));

        assertThat(window).isPositive().isGreaterThan(HistoryWindows.LONG.toMillis()).isLessThanOrEqualTo(TTLS.window().toMillis());
        assertThat(merchants).isPositive().isGreaterThan(Duration.ofDays(89).toMillis());
        assertThat(cache).as("the end of the day it arrived, plus the retention")
                .isEqualTo(MIDNIGHT.plus(TTLS.transactionCache()).toEpochMilli());
    }

    @Test
    void worksAfterRedisForgotTheScript() {
        store.observe(tx("s-1", "card-s", "m-1", START, 100));
        redis.execute((RedisCallback<Void>) connection -> {
            connection.scriptingCommands().scriptFlush();
            return null;
        });

        CardHistory history = store.observe(tx("s-2", "card-s", "m-1", START.plusSeconds(1), 100)).history();

        assertThat(history.txCount24h()).isEqualTo(1);
        assertThat(history.merchantSeen()).isTrue();
    }

    @Test
    void anUnreachableRedisIsReportedWithItsAddress() {
        int closedPort = FreePorts.next();
        LettuceConnectionFactory nowhere = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", closedPort));
        nowhere.afterPropertiesSet();
        nowhere.start();
        try {
            HistoryStore unreachable = new RedisHistoryStore(new StringRedisTemplate(nowhere), keys, TTLS,
                    Clock.systemUTC(), "Redis at 127.0.0.1:" + closedPort);

            assertThatThrownBy(() -> unreachable.observe(tx("u-1", "card-u", "m", START, 1)))
                    .isInstanceOf(FeatureStoreUnavailableException.class)
                    .hasMessage("the feature store (Redis at 127.0.0.1:" + closedPort + ") is unreachable");
        } finally {
            nowhere.destroy();
        }
    }
}
