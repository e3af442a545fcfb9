package dev.fraudscore.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.features.state.StateLayout;
import dev.fraudscore.features.state.TransactionRecord;
import dev.fraudscore.testsupport.TestRedis;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * Bad input is refused with a sentence naming the row or field, and a failed backfill leaves the served state as it
 * was; a backfill that succeeds replaces it, from the Handbook CSV or the same rows as Parquet alike.
 */
class BackfillFailureIT {

    private static final String HEADER = "TRANSACTION_ID,TX_DATETIME,CUSTOMER_ID,TERMINAL_ID,TX_AMOUNT,TX_FRAUD\n";
    private static final Instant CUTOFF = Instant.parse("2018-04-03T00:00:00Z");

    private static SparkSession spark;
    private String prefix;
    private Map<String, Object> served;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = BackfillCommand.session("local[2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** A served state to keep: one card's last payment and one label record. */
    @BeforeEach
    void serveSomething() {
        prefix = TestRedis.uniquePrefix();
        try (Jedis jedis = jedis()) {
            jedis.set(prefix + "fraud_v2:{c-old}:last", "1522540800000");
            jedis.hset(namespace() + bucket("tx-old", "2018-04-01T00:00:00Z"),
                    Map.of("tx-old", StateLayout.recordValue(new TransactionRecord("c-old", "t-old", 1522540800000L,
                            null, 0))));
            served = RedisDump.of(jedis, namespace());
        }
    }

    /** The label bucket of {@code transactionId} at {@code instant}, in the set's namespace. */
    private static String bucket(String transactionId, String instant) {
        StateLayout layout = new StateLayout("", "fraud_v2");
        return layout.labelBucket(transactionId, Instant.parse(instant).toEpochMilli())
                .substring(layout.namespace().length());
    }

    private String namespace() {
        return new StateLayout(prefix, "fraud_v2").namespace();
    }

    private static Jedis jedis() {
        return new Jedis(URI.create(TestRedis.get().url()));
    }

    private Path csv(String text) throws IOException {
        Path file = dir.resolve("history.csv");
        Files.writeString(file, text);
        return file;
    }

    private Backfill.Request request(Path file, HistoryFormat format) {
        return new Backfill.Request(file, format, "fraud_v2", CUTOFF, TestRedis.get().url(), prefix);
    }

    private void assertServedStateUntouched() {
        try (Jedis jedis = jedis()) {
            assertThat(RedisDump.of(jedis, namespace())).isEqualTo(served);
            assertThat(jedis.keys(StagedState.glob(prefix) + "backfill-*")).as("staging keys left").isEmpty();
        }
    }

    @Test
    void aMissingColumnIsNamed() throws IOException {
        Path file = csv("TRANSACTION_ID,TX_DATETIME,CUSTOMER_ID,TERMINAL_ID,TX_FRAUD\n0,2018-04-01 00:00:31,1,2,0\n");
        assertThatThrownBy(() -> new Backfill(spark).run(request(file, HistoryFormat.HANDBOOK)))
                .isInstanceOf(BackfillException.class).hasMessageContaining("missing column(s) [TX_AMOUNT]");
        assertServedStateUntouched();
    }

    @Test
    void anUnparseableRowIsNamedWithItsField() throws IOException {
        Path file = csv(HEADER + "0,2018-04-01 00:00:31,1,2,57.16,0\n1,2018-04-01 00:02:10,1,3,lots,0\n");
        assertThatThrownBy(() -> new Backfill(spark).run(request(file, HistoryFormat.HANDBOOK)))
                .isInstanceOf(BackfillException.class)
                .hasMessageContaining("history.csv row 2, field TX_AMOUNT: 'lots' is not an amount in EUR");
        assertServedStateUntouched();
    }

    @Test
    void aTimeOutOfOrderIsNamed() throws IOException {
        Path file = csv(HEADER + "0,2018-04-01 00:00:31,1,2,57.16,0\n1,2018-04-01 00:02:10,1,3,8.00,0\n"
                + "2,2018-04-01 00:01:00,4,3,9.00,0\n");
        assertThatThrownBy(() -> new Backfill(spark).run(request(file, HistoryFormat.HANDBOOK)))
                .isInstanceOf(BackfillException.class)
                .hasMessageContaining("row 3, field TX_DATETIME")
                .hasMessageContaining("is before the previous row's");
        assertServedStateUntouched();
    }

    @Test
    void parquetWithAMissingColumnIsNamed() {
        StructType schema = new StructType(new StructField[] {
            DataTypes.createStructField("TRANSACTION_ID", DataTypes.LongType, false),
            DataTypes.createStructField("TX_DATETIME", DataTypes.TimestampType, false),
            DataTypes.createStructField("TERMINAL_ID", DataTypes.LongType, false),
            DataTypes.createStructField("TX_AMOUNT", DataTypes.DoubleType, false),
            DataTypes.createStructField("TX_FRAUD", DataTypes.IntegerType, false)});
        Path file = dir.resolve("history.parquet");
        spark.createDataFrame(List.of(RowFactory.create(0L, java.sql.Timestamp.from(CUTOFF.minusSeconds(60)), 2L,
                57.16, 0)), schema).write().parquet(file.toString());
        assertThatThrownBy(() -> new Backfill(spark).run(request(file, HistoryFormat.PARQUET)))
                .isInstanceOf(BackfillException.class).hasMessageContaining("missing column(s) [CUSTOMER_ID]");
        assertServedStateUntouched();
    }

    @Test
    void aFailureAfterStagingLeavesTheServedStateAndNoStagingKeys() throws IOException {
        Path file = csv(HEADER + "0,2018-04-01 00:00:31,1,2,57.16,0\n1,2018-04-02 10:02:10,1,3,8.00,1\n");
        Runnable redisGoneAway = () -> {
            try (Jedis jedis = jedis()) {
                assertThat(jedis.keys(StagedState.glob(prefix) + "backfill-*")).as("staged keys").isNotEmpty();
            }
            throw new BackfillException("Redis went away before the switch");
        };
        assertThatThrownBy(() -> new Backfill(spark, redisGoneAway).run(request(file, HistoryFormat.HANDBOOK)))
                .hasMessage("Redis went away before the switch");
        assertServedStateUntouched();
    }

    @Test
    void parquetWithTheHandbooksColumnsGivesTheStateOfTheSameCsv() throws IOException {
        Path file = csv(HEADER + "0,2018-04-01 00:00:31,1,2,57.16,0\n1,2018-04-02 10:02:10,1,3,8.00,1\n"
                + "2,2018-04-02 11:00:00,4,3,19.99,0\n");
        Path parquet = dir.resolve("history.parquet");
        spark.read().option("header", "true").option("inferSchema", "true").csv(file.toString())
                .withColumn("TX_DATETIME", org.apache.spark.sql.functions.to_timestamp(
                        org.apache.spark.sql.functions.col("TX_DATETIME")))
                .coalesce(1).write().parquet(parquet.toString());
        String csvPrefix = TestRedis.uniquePrefix();
        new Backfill(spark).run(new Backfill.Request(file, HistoryFormat.HANDBOOK, "fraud_v2", CUTOFF,
                TestRedis.get().url(), csvPrefix));

        new Backfill(spark).run(request(parquet, HistoryFormat.PARQUET));

        try (Jedis jedis = jedis()) {
            Map<String, Object> fromCsv = RedisDump.of(jedis, new StateLayout(csvPrefix, "fraud_v2").namespace());
            assertThat(fromCsv).containsKeys("{1}:last", "{4}:d", "m:{3}:md", bucket("1", "2018-04-02T10:02:10Z"));
            assertThat(RedisDump.of(jedis, namespace())).isEqualTo(fromCsv);
        }
    }

    @Test
    void aSuccessfulBackfillReplacesTheServedState() throws IOException {
        Path file = csv(HEADER + "0,2018-04-01 00:00:31,1,2,57.16,0\n1,2018-04-02 10:02:10,1,3,8.00,1\n"
                + "2,2018-04-03 00:00:00,1,3,9.00,0\n");
        Backfill.Result result = new Backfill(spark).run(request(file, HistoryFormat.HANDBOOK));
        try (Jedis jedis = jedis()) {
            Map<String, Object> now = RedisDump.of(jedis, namespace());
            assertThat(now).doesNotContainKeys("{c-old}:last", bucket("tx-old", "2018-04-01T00:00:00Z"))
                    .containsEntry("{1}:last", Long.toString(Instant.parse("2018-04-02T10:02:10Z").toEpochMilli()))
                    .containsKeys(bucket("0", "2018-04-01T00:00:31Z"), bucket("1", "2018-04-02T10:02:10Z"),
                            "m:{2}:md", "m:{3}:md")
                    .doesNotContainKey(bucket("2", "2018-04-03T00:00:00Z"));
            // the last event keeps its 30-day horizon from its write, less what had passed by the cut-off
            long expected = Instant.parse("2018-04-02T10:02:10Z").plus(java.time.Duration.ofDays(30))
                    .toEpochMilli() - CUTOFF.toEpochMilli();
            assertThat(jedis.pttl(prefix + "fraud_v2:{1}:last")).isBetween(expected - 60_000, expected);
        }
        assertThat(result.rowsRead()).isEqualTo(3);
        assertThat(result.rowsBeforeCutoff()).isEqualTo(2);
        assertThat(result.switched().removed()).isEqualTo(2);
    }

    @Test
    void aLabelBucketSharedByTwoCardsIsSwitchedInOnceWithBothRecords() throws IOException {
        // 9989 and 90246 share a bucket (CRC-32 modulo the buckets a day); same day, two cards, so two groups
        String bucket = bucket("9989", "2018-04-02T08:00:00Z");
        assertThat(bucket("90246", "2018-04-02T09:00:00Z")).isEqualTo(bucket);
        Path file = csv(HEADER + "9989,2018-04-02 08:00:00,1,2,57.16,1\n90246,2018-04-02 09:00:00,4,3,8.00,0\n");

        Backfill.Result result = new Backfill(spark).run(request(file, HistoryFormat.HANDBOOK));

        try (Jedis jedis = jedis()) {
            assertThat(jedis.hgetAll(namespace() + bucket)).containsOnlyKeys("9989", "90246");
            assertThat(StateLayout.record(jedis.hget(namespace() + bucket, "9989")).merchantKey()).isEqualTo("2");
        }
        assertThat(result.written().labelRecords()).isEqualTo(2);
        assertThat(result.switched().expiredBeforeSwitch()).as("a bucket renamed twice would fail the second time")
                .isZero();
    }
}
