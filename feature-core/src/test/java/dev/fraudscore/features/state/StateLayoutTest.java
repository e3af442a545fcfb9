package dev.fraudscore.features.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StateLayoutTest {

    private static final StateLayout LAYOUT = new StateLayout("fs:", "fraud_v2");
    private static final long T = Instant.parse("2026-12-06T13:45:10.123Z").toEpochMilli();

    @Test
    void aRecordSpellsBackToItselfLabelledOrNotWhateverItsCardHolds() {
        TransactionRecord plain = new TransactionRecord("tok_0123456789abcdef", "m-42", T, null, 0);
        TransactionRecord odd = new TransactionRecord("a|b\\c|", "F|G\\", -5, FraudLabel.GENUINE, T);
        TransactionRecord labelled = plain.labelled(FraudLabel.FRAUD, T + 86_400_000L);

        for (TransactionRecord r : new TransactionRecord[] {plain, odd, labelled}) {
            assertThat(StateLayout.record(StateLayout.recordValue(r))).isEqualTo(r);
        }
        // record-label.lua reads only the first letter: F or G once labelled, never before
        assertThat(StateLayout.recordValue(plain)).doesNotStartWith("F").doesNotStartWith("G");
        assertThat(StateLayout.recordValue(labelled)).startsWith("F");
        assertThat(StateLayout.recordValue(labelled).getBytes(StandardCharsets.UTF_8))
                .as("a typical record fits a compact hash's 64 bytes").hasSizeLessThan(64);
    }

    @Test
    void aValueThatIsNoRecordIsRefused() {
        assertThatThrownBy(() -> StateLayout.record("zz")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StateLayout.record("F1|zz|card-without-end")).isInstanceOf(
                IllegalArgumentException.class);
    }

    @Test
    void aBucketIsTheTransactionsDayAndAStableHashOfItsId() {
        // CRC-32 of "tx-1" is 0xee0f8bea (zlib.crc32(b"tx-1")), so bucket 0xf8bea of 2^20
        assertThat(StateLayout.labelBucket("tx-1")).isEqualTo(0xf8bea);
        assertThat(LAYOUT.labelBucket("tx-1", T)).isEqualTo("fs:fraud_v2:l:{20793:" + 0xf8bea + "}");
        assertThat(StateLayout.labelBucketExpiry(T, Duration.ofDays(39)))
                .isEqualTo(Instant.parse("2027-01-15T00:00:00Z").toEpochMilli());
    }

    @Test
    void aLabelLooksInEveryDayFromTheHorizonToItsReport() {
        assertThat(LAYOUT.labelBuckets("tx-1", T, Duration.ofDays(2))).containsExactly(
                LAYOUT.labelBucket("tx-1", T - 2 * 86_400_000L), LAYOUT.labelBucket("tx-1", T - 86_400_000L),
                LAYOUT.labelBucket("tx-1", T));
        assertThat(StateLayout.labelFinds(T - Duration.ofDays(2).toMillis(), T, Duration.ofDays(2))).isTrue();
        assertThat(StateLayout.labelFinds(T - Duration.ofDays(2).toMillis() - 1, T, Duration.ofDays(2))).isFalse();
        assertThat(StateLayout.labelFinds(T + 1, T, Duration.ofDays(2))).as("later the same day").isTrue();
        assertThat(StateLayout.labelFinds(T + 86_400_000L, T, Duration.ofDays(2))).as("a later day").isFalse();
    }
}
