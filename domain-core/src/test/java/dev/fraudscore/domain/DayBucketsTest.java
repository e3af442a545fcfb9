package dev.fraudscore.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DayBucketsTest {

    private static final long NOON = Instant.parse("2026-12-06T12:00:00Z").toEpochMilli();
    private static final long DAY = 20_793; // 2026-12-06

    @Test
    void bucketsByTheCrc32OfTheIdModuloTheCount() {
        // zlib's crc32("tx-0") = 0x9908bb7c, as Python's zlib.crc32 computes it
        assertThat(new DayBuckets(1 << 20).bucket("tx-0")).isEqualTo(0x9908bb7c & 0xfffff);
        assertThat(new DayBuckets(4).bucket("tx-0")).isEqualTo(0x9908bb7c & 3);
        assertThat(DayBuckets.DEFAULT.tag(DAY, "tx-0")).isEqualTo("{20793:" + (0x9908bb7c & 0xfffff) + "}");
    }

    @Test
    void aBucketOutlivesItsDayByTheRetention() {
        assertThat(DayBuckets.epochDay(NOON)).isEqualTo(DAY);
        assertThat(DayBuckets.expiry(NOON, Duration.ofHours(24)))
                .isEqualTo(Instant.parse("2026-12-08T00:00:00Z").toEpochMilli());
    }

    @Test
    void searchesEveryDayARecordWithinTheRetentionMayHaveBeenWrittenOn() {
        assertThat(DayBuckets.daysToSearch(NOON, Duration.ofHours(24))).containsExactly(DAY, DAY - 1);
        assertThat(DayBuckets.daysToSearch(NOON, Duration.ofHours(6))).containsExactly(DAY);
        assertThat(DayBuckets.daysToSearch(NOON, Duration.ofDays(3))).containsExactly(DAY, DAY - 1, DAY - 2, DAY - 3);
    }

    @Test
    void namesTheBucketsToSearchTodaysFirst() {
        DayBuckets four = new DayBuckets(4);
        int bucket = 0x9908bb7c & 3;
        assertThat(four.tagsToSearch("tx-0", NOON, Duration.ofHours(24)))
                .containsExactly("{" + DAY + ":" + bucket + "}", "{" + (DAY - 1) + ":" + bucket + "}");
    }

    @Test
    void refusesACountThatIsNotAPowerOfTwo() {
        assertThatThrownBy(() -> new DayBuckets(1000)).hasMessageContaining("power of two");
    }
}
