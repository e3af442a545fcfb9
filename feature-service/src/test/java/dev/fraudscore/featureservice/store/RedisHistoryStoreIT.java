package dev.fraudscore.featureservice.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.domain.Channel;
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
import java.time.Duration;
import java.time.Instant;
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

class RedisHistoryStoreIT {

    private static final Instant START = Instant.parse("2026-02-01T00:00:00Z");
    private static final HistoryTtls TTLS = HistoryTtls.of(Duration.ofHours(25), Duration.ofHours(24));
    private static final FraudV1 FRAUD_V1 = new FraudV1();

    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate redis;

    private final CardKeys keys = new CardKeys(TestRedis.uniquePrefix(), "fraud_v1");
    private final RedisHistoryStore store = new RedisHistoryStore(redis, keys, TTLS, "Redis under test");

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

        assertThat(redis.opsForValue().size(keys.transaction("card-b", "b-1"))).isEqualTo(10);
    }

    @Test
    void aHistoryKeptInTheTextFormatBeforeIsReplayedAndMovesNothing() {
        store.observe(tx("o-0", "card-o", "m-1", START, 1_000));
        redis.opsForValue().set(keys.textTransaction("card-o", "o-1"), "1|1|1000|" + START.toEpochMilli() + "|1");

        Observation retry = store.observe(tx("o-1", "card-o", "m-1", START.plusSeconds(30), 2_000));

        assertThat(retry).isEqualTo(new Observation(new CardHistory(1, 1, 1_000, START.toEpochMilli(), true), true));
        assertThat(redis.opsForZSet().zCard(keys.window("card-o"))).isEqualTo(1);
        assertThat(redis.hasKey(keys.transaction("card-o", "o-1"))).isFalse();
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
        long cache = redis.getExpire(keys.transaction("card-t", "ttl-1"), TimeUnit.MILLISECONDS);

        assertThat(window).isPositive().isGreaterThan(HistoryWindows.LONG.toMillis()).isLessThanOrEqualTo(TTLS.window().toMillis());
        assertThat(merchants).isPositive().isGreaterThan(Duration.ofDays(89).toMillis());
        assertThat(cache).isPositive().isLessThanOrEqualTo(TTLS.transactionCache().toMillis());
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
                    "Redis at 127.0.0.1:" + closedPort);

            assertThatThrownBy(() -> unreachable.observe(tx("u-1", "card-u", "m", START, 1)))
                    .isInstanceOf(FeatureStoreUnavailableException.class)
                    .hasMessage("the feature store (Redis at 127.0.0.1:" + closedPort + ") is unreachable");
        } finally {
            nowhere.destroy();
        }
    }
}
