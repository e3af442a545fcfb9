package dev.fraudscore.featureservice.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.domain.Channel;
import dev.fraudscore.domain.DayBuckets;
import dev.fraudscore.features.FeatureSet;
import dev.fraudscore.features.FeatureStore;
import dev.fraudscore.features.FeatureStore.Observed;
import dev.fraudscore.features.FeatureStores;
import dev.fraudscore.features.FeatureTransaction;
import dev.fraudscore.features.FraudV1;
import dev.fraudscore.features.FraudV2;
import dev.fraudscore.features.FraudV3;
import dev.fraudscore.features.FraudV4;
import dev.fraudscore.features.state.FraudLabel;
import dev.fraudscore.features.state.LabelOutcome;
import dev.fraudscore.features.state.TransactionLabel;
import dev.fraudscore.testsupport.TestRedis;
import dev.fraudscore.testsupport.TestRedisTemplate;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/** Several sets observed in one pipeline: one round trip, the vectors each set's own store gives, once per id. */
class RedisFeatureStoresIT {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final List<FeatureSet> SETS = List.of(new FraudV1(), new FraudV2(), new FraudV3(), new FraudV4());
    /** When transactions arrive: near the real time, as Redis expires a cache bucket by its own clock. */
    private static final Instant ARRIVAL = LocalDate.now(ZoneOffset.UTC).atTime(12, 0).toInstant(ZoneOffset.UTC);

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

    private static RedisFeatureStores stores(StringRedisTemplate template) {
        return stores(template, TestRedis.uniquePrefix());
    }

    private static RedisFeatureStores stores(StringRedisTemplate template, String prefix) {
        return new RedisFeatureStores(template, prefix, HistoryTtls.of(Duration.ofHours(25), Duration.ofHours(24)),
                Clock.fixed(ARRIVAL, ZoneOffset.UTC), "Redis under test");
    }

    private static FeatureTransaction tx(String id, Instant at, String merchant) {
        return new FeatureTransaction(id, at, 2_500, "card-p", "DE", merchant, "5411", "FR", Channel.ECOMMERCE);
    }

    @Test
    void observesEverySetInOneRoundTripWithTheVectorsOfTheTrainingStores() {
        CountingTemplate counting = new CountingTemplate(redis);
        RedisFeatureStores served = stores(counting);
        List<FeatureStore> trained = SETS.stream().map(FeatureStores::inMemory).toList();
        served.observe(SETS, tx("warm", START, "m-0")); // loads the scripts
        trained.forEach(store -> store.observe(tx("warm", START, "m-0")));

        for (int i = 0; i < 5; i++) {
            FeatureTransaction tx = tx("p-" + i, START.plusSeconds(60L * (i + 1)), "m-" + (i % 2));
            int before = counting.callbacks();
            List<Observed> observed = served.observe(SETS, tx);

            // every set's script is written on the one shared connection, opened by the first observation and kept
            assertThat(counting.callbacks() - before).as("connection callbacks of observation %d", i).isZero();
            for (int s = 0; s < SETS.size(); s++) {
                Observed expected = trained.get(s).observe(tx);
                assertThat(observed.get(s).vector().values()).as("%s of %s", SETS.get(s).id(), tx)
                        .containsExactly(expected.vector().values());
                assertThat(observed.get(s).replayed()).isFalse();
            }
        }
    }

    @Test
    void aReplayMovesNothingInAnySet() {
        RedisFeatureStores served = stores(redis);
        FeatureTransaction tx = tx("once", START, "m-r");

        List<Observed> first = served.observe(SETS, tx);
        List<Observed> replay = served.observe(SETS, tx);
        Observed fraudV2Alone = served.storeOf(SETS.get(1)).observe(tx);

        for (int s = 0; s < SETS.size(); s++) {
            assertThat(replay.get(s).replayed()).isTrue();
            assertThat(replay.get(s).vector().values()).containsExactly(first.get(s).vector().values());
        }
        assertThat(fraudV2Alone.replayed()).as("recorded with fraud_v1, known to fraud_v2").isTrue();
    }

    @Test
    void aTransactionObservedWithAnotherSetTakesALabelInFraudV2() {
        RedisFeatureStores served = stores(redis);
        served.observe(SETS, tx("lab", START, "m-l"));
        FeatureStore fraudV2 = served.storeOf(SETS.get(1));

        LabelOutcome outcome = fraudV2.recordLabel(new TransactionLabel("lab", FraudLabel.FRAUD, START.plusSeconds(3600)));

        assertThat(outcome).isEqualTo(LabelOutcome.RECORDED);
    }

    @Test
    void aWarmUpDeletesWhatItWroteAndLeavesTheOtherRecordsOfItsBuckets() {
        String prefix = TestRedis.uniquePrefix();
        RedisFeatureStores served = stores(redis, prefix);
        // as SelfWarmup does: a throw-away card that is its own merchant, transactions of the last minute
        Instant started = ARRIVAL.minusSeconds(60);
        List<String> warmUp = List.of("warmup-0", "warmup-1", "warmup-2");
        String other = idInTheBucketOf(warmUp.get(0));
        FeatureTransaction kept = new FeatureTransaction(other, started, 900, "card-o", "DE", "m-o", "5411", "FR",
                Channel.POS);
        served.observe(SETS, kept);
        for (int i = 0; i < warmUp.size(); i++) {
            served.observe(SETS, new FeatureTransaction(warmUp.get(i), started.plusSeconds(i), 100, "warm-card", "DE",
                    "warm-card", "5411", "FR", Channel.POS));
        }

        StoreKeys.deleteWritten(redis, SETS.stream().map(served::keysOf).toList(), "warm-card", "warm-card", warmUp,
                started, ARRIVAL);

        Set<String> left = redis.keys(prefix + "*");
        assertThat(left).noneMatch(key -> key.contains("warm-card"));
        List<String> buckets = new ArrayList<>();
        for (FeatureSet set : SETS) {
            StoreKeys keys = served.keysOf(set);
            buckets.add(keys.transactionCache().bucket(DayBuckets.epochDay(ARRIVAL.toEpochMilli()), other));
            if (keys instanceof AggregateKeys aggregates) {
                buckets.add(aggregates.labelBucket(other, started.toEpochMilli()));
            }
        }
        assertThat(left).containsAll(buckets);
        for (String bucket : buckets) {
            assertThat(redis.opsForHash().keys(bucket)).as(bucket).containsExactly(other);
        }
        assertThat(served.observe(SETS, kept)).allMatch(Observed::replayed);
    }

    /** Another transaction id in the same bucket (transaction cache and label record) as {@code id}. */
    private static String idInTheBucketOf(String id) {
        int bucket = DayBuckets.DEFAULT.bucket(id);
        for (int i = 0; ; i++) {
            if (DayBuckets.DEFAULT.bucket("other-" + i) == bucket) {
                return "other-" + i;
            }
        }
    }

    @Test
    void aScriptRedisDoesNotKnowYetIsSentAgainAloneAndTheOthersStand() {
        // a script never loaded (a unique comment) answers NOSCRIPT to EVALSHA, as every script does after a restart
        RedisScript<String> unknown = RedisScript.of("return ARGV[1] -- " + UUID.randomUUID(), String.class);
        RedisScript<String> known = RedisScript.of("return ARGV[1] .. '!'", String.class);
        redis.execute(known, List.of(), "load");
        PipelinedScripts pipeline = new PipelinedScripts(redis, "Redis under test");

        List<Object> replies = pipeline.execute(List.of(
                new ScriptCall<>(known, List.of(), List.of("a"), bytes -> new String(bytes, StandardCharsets.UTF_8)),
                new ScriptCall<>(unknown, List.of(), List.of("b"), bytes -> new String(bytes, StandardCharsets.UTF_8))));

        assertThat(replies).containsExactly("a!", "b");
    }
}
