package dev.fraudscore.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.features.AggregateFeatureSet;
import dev.fraudscore.features.FeatureStore;
import dev.fraudscore.features.FeatureStores;
import dev.fraudscore.features.FeatureTransaction;
import dev.fraudscore.features.state.StateLayout;
import dev.fraudscore.featureservice.store.AggregateKeys;
import dev.fraudscore.featureservice.store.RedisAggregateStore;
import dev.fraudscore.simulator.FraudRates;
import dev.fraudscore.simulator.JsonLines;
import dev.fraudscore.simulator.LabelledTransaction;
import dev.fraudscore.simulator.SimulationConfig;
import dev.fraudscore.simulator.Simulator;
import dev.fraudscore.testsupport.TestRedis;
import dev.fraudscore.testsupport.TestRedisTemplate;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;

/**
 * The backfill's promise: backfilling a history up to T and then sending the transactions after T online gives
 * the same vectors, float for float, as sending everything online; and the keys it switches in are the keys the
 * online path held at T.
 */
class BackfillParityIT {

    private static final Duration TX_CACHE_TTL = Duration.ofHours(24);

    static SparkSession spark;
    private static TestRedisTemplate connections;

    @BeforeAll
    static void start() {
        spark = BackfillCommand.session("local[2]");
        connections = TestRedisTemplate.open();
    }

    @AfterAll
    static void stop() {
        spark.stop();
        connections.close();
    }

    static FeatureStore online(AggregateFeatureSet set, String prefix) {
        return FeatureStores.of(set, () -> {
            throw new IllegalStateException(set.id() + " declares its state");
        }, spec -> new RedisAggregateStore(connections.template(), new AggregateKeys(prefix, set.id(), spec),
                TX_CACHE_TTL, Clock.systemUTC(), "Redis under test"));
    }

    /** fraud_v2 on day tiles, fraud_v4 with its merchant windows on 3-hour tiles. */
    @ParameterizedTest
    @ValueSource(strings = {"fraud_v2", "fraud_v4"})
    void backfillUpToTThenOnlineGivesTheVectorsOfAllOnline(String setId, @TempDir Path dir) throws IOException {
        AggregateFeatureSet set = Backfill.declaredSet(setId);
        // enough fraud for labels to move merchant risk, 45 days so the 30-day tiles and the 7-day delay are full
        SimulationConfig config = new SimulationConfig(11L, 120, 45, SimulationConfig.DEFAULT_START,
                new FraudRates(0.01, 0.01, 0.01, 0.01, 0.01, 40.0));
        List<LabelledTransaction> history = Simulator.generate(config);
        Path file = dir.resolve("history.jsonl");
        try (Writer out = Files.newBufferedWriter(file)) {
            JsonLines.write(history, out);
        }
        long cutoff = config.start().plus(Duration.ofDays(38)).plus(Duration.ofHours(13)).toEpochMilli();
        String reference = TestRedis.uniquePrefix();
        String backfilled = TestRedis.uniquePrefix();

        Map<String, float[]> allOnline = new HashMap<>();
        Map<String, float[]> beforeT = new HashMap<>();
        OnlineReplay.send(online(set, reference), history, Long.MIN_VALUE, cutoff, beforeT);
        Map<String, Object> heldAtT;
        try (Jedis jedis = new Jedis(URI.create(TestRedis.get().url()))) {
            heldAtT = RedisDump.of(jedis, new StateLayout(reference, set.id()).namespace());
        }
        OnlineReplay.send(online(set, reference), history, cutoff, Long.MAX_VALUE, allOnline);

        Backfill.Result result = new Backfill(spark).run(new Backfill.Request(file, HistoryFormat.SIMULATOR,
                set.id(), Instant.ofEpochMilli(cutoff), TestRedis.get().url(), backfilled));
        Map<String, Object> switchedIn;
        try (Jedis jedis = new Jedis(URI.create(TestRedis.get().url()))) {
            switchedIn = RedisDump.of(jedis, new StateLayout(backfilled, set.id()).namespace());
            assertThat(jedis.keys(StagedState.glob(backfilled) + "backfill-*")).as("staging keys left").isEmpty();
        }
        Map<String, float[]> continued = new HashMap<>();
        OnlineReplay.send(online(set, backfilled), history, cutoff, Long.MAX_VALUE, continued);

        assertThat(result.rowsRead()).isEqualTo(history.size());
        assertThat(result.written().labelRecords()).isPositive();
        assertThat(allOnline).hasSizeGreaterThan(1_000);
        assertThat(continued.keySet()).isEqualTo(allOnline.keySet());
        allOnline.forEach((tx, vector) -> assertThat(continued.get(tx)).as("vector of %s", tx).containsExactly(vector));
        // every key switched in holds what the online path held at T; what it left out had expired by T
        switchedIn.forEach((key, value) -> {
            if (!key.contains("}:t:")) {
                assertThat(value).as(key).isEqualTo(heldAtT.get(key));
            }
        });
        assertThat(switchedIn.size()).isGreaterThan(heldAtT.size() / 2);
        // the retry cache holds exactly the transactions of the day before T, a string each (the online path keeps
        // its own in buckets of the day they arrive, and reads these strings too): a retry gets its first vector
        List<FeatureTransaction> cached = history.stream().map(LabelledTransaction::transaction)
                .filter(tx -> tx.occurredAtMillis() < cutoff && tx.occurredAtMillis() + TX_CACHE_TTL.toMillis() > cutoff)
                .toList();
        assertThat(cached).hasSizeGreaterThan(100);
        assertThat(switchedIn.keySet().stream().filter(key -> key.contains("}:t:"))).containsExactlyInAnyOrderElementsOf(
                cached.stream().map(tx -> "{" + tx.cardKey() + "}:t:" + tx.transactionId()).toList());
        FeatureStore retried = online(set, backfilled);
        for (FeatureTransaction tx : cached) {
            FeatureStore.Observed retry = retried.observe(tx);
            assertThat(retry.replayed()).as("retry of %s", tx.transactionId()).isTrue();
            assertThat(retry.vector().values()).as("retry of %s", tx.transactionId())
                    .containsExactly(beforeT.get(tx.transactionId()));
        }
    }
}
