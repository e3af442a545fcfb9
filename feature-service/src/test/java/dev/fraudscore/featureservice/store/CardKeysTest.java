package dev.fraudscore.featureservice.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.domain.DayBuckets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardKeysTest {

    private static final Instant NOW = Instant.parse("2026-12-07T00:30:00Z"); // epoch day 20,794
    private final CardKeys keys = new CardKeys("fs:", "fraud_v1");

    @Test
    void theCardsKeysCarryTheCardAndTheCacheBucketsTheirDayAndBucket() {
        int bucket = DayBuckets.DEFAULT.bucket("tx-1");

        List<String> all = keys.forTransaction("card-9", "tx-1", NOW.toEpochMilli(), Duration.ofHours(24));

        assertThat(all).containsExactly("fs:fraud_v1:{card-9}:w", "fs:fraud_v1:{card-9}:m",
                "fs:fraud_v1:t:{20794:" + bucket + "}", "fs:fraud_v1:t:{20793:" + bucket + "}",
                "fs:fraud_v1:{card-9}:t:tx-1");
        assertThat(all).extracting(CardKeysTest::hashTag).containsExactly("card-9", "card-9", "20794:" + bucket,
                "20793:" + bucket, "card-9");
    }

    @Test
    void aWarmUpDeletesItsCacheRecordsFromTheBucketsOfEveryDayItRan() {
        Instant from = Instant.parse("2026-12-06T23:59:30Z");

        assertThat(keys.writtenFields(List.of("tx-1"), from, NOW)).containsOnlyKeys(
                "fs:fraud_v1:t:{20793:" + DayBuckets.DEFAULT.bucket("tx-1") + "}",
                "fs:fraud_v1:t:{20794:" + DayBuckets.DEFAULT.bucket("tx-1") + "}");
        assertThat(keys.written("card-9", "m-1")).containsExactly("fs:fraud_v1:{card-9}:w", "fs:fraud_v1:{card-9}:m");
    }

    /** The part of a key Redis Cluster hashes: between the first '{' and the next '}'. */
    private static String hashTag(String key) {
        int open = key.indexOf('{');
        return key.substring(open + 1, key.indexOf('}', open));
    }
}
