package dev.fraudscore.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.features.state.AggregateSnapshot;
import dev.fraudscore.features.state.Counter;
import dev.fraudscore.features.state.Entity;
import dev.fraudscore.features.state.ExactWindow;
import dev.fraudscore.features.state.FraudLabel;
import dev.fraudscore.features.state.LastEvent;
import dev.fraudscore.features.state.StateLayout;
import dev.fraudscore.features.state.StateSpec;
import dev.fraudscore.features.state.Tiles;
import dev.fraudscore.features.state.TransactionRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StateEncoderTest {

    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final long CUTOFF = 100 * DAY;
    private static final ExactWindow HOUR = new ExactWindow("h", Entity.CARD, Duration.ofHours(1));
    private static final LastEvent LAST = new LastEvent("last", Entity.CARD, Duration.ofDays(30));
    /** keep = delay 2 + longest 3 + 1 = 6 tiles. */
    private static final Tiles MERCHANT_DAYS = Tiles.daily("md", Entity.MERCHANT, List.of(1, 3), 2, Counter.COUNT,
            Counter.FRAUD);
    private static final StateSpec SPEC = StateSpec.of(HOUR, LAST, MERCHANT_DAYS);
    private final StateEncoder encoder = new StateEncoder(new StateLayout("fs:", "fraud_v9"), SPEC, CUTOFF);

    @Test
    void aKeyKeepsWhatIsLeftOfItsTtlAtTheCutoff() {
        long written = CUTOFF - 10 * DAY;
        StateWrite w = encoder.aggregate(LAST, "c1", new AggregateSnapshot.Last(written), written).orElseThrow();

        assertThat(w).isEqualTo(StateWrite.string("fs:fraud_v9:{c1}:last", Long.toString(written), 20 * DAY));
    }

    @Test
    void aKeyThatWouldHaveExpiredByTheCutoffIsNotWritten() {
        long written = CUTOFF - 30 * DAY;
        assertThat(encoder.aggregate(LAST, "c1", new AggregateSnapshot.Last(written), written)).isEmpty();
        assertThatThrownBy(() -> StateWrite.string("k", "v", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExactWindowIsASortedSetOfTransactionIdsByInstant() {
        long t = CUTOFF - 1_000;
        StateWrite w = encoder.aggregate(HOUR, "c1", new AggregateSnapshot.Window(Map.of("tx-1", t - 5, "tx-2", t)),
                t).orElseThrow();

        assertThat(w.shape()).isEqualTo(StateWrite.Shape.SORTED_SET);
        assertThat(w.members()).containsExactlyInAnyOrderEntriesOf(Map.of("tx-1", (double) (t - 5), "tx-2",
                (double) t));
        assertThat(w.ttlMillis()).isEqualTo(Duration.ofHours(2).toMillis() - 1_000);
    }

    @Test
    void tilesAreARingWithHiAndAFraudFieldOnlyWhereALabelMovedIt() {
        TreeMap<Long, long[]> tiles = new TreeMap<>(Map.of(97L, new long[] {3, 0}, 99L, new long[] {1, 2}));
        StateWrite w = encoder.aggregate(MERCHANT_DAYS, "t7", new AggregateSnapshot.TileRing(99, tiles),
                99 * DAY + 5).orElseThrow();

        // tile x in slot x % 6, two counters a slot: 97 -> slot 1 (fields 2, 3), 99 -> slot 3 (fields 6, 7)
        assertThat(w.key()).isEqualTo("fs:fraud_v9:m:{t7}:md");
        assertThat(w.fields()).containsExactlyInAnyOrderEntriesOf(Map.of("hi", "99", "2", "3", "6", "1", "7", "2"));
        assertThat(w.ttlMillis()).isEqualTo(99 * DAY + 5 + 7 * DAY - CUTOFF);
    }

    @Test
    void aLabelRecordIsAFieldOfItsDaysBucketKeptToTheEndOfTheDayPlusTheLabelHorizon() {
        long t = CUTOFF - 2 * DAY + 5_000;
        TransactionRecord record = new TransactionRecord("c1", "t7", t, FraudLabel.FRAUD, t + DAY);
        StateWrite labelled = encoder.labelRecord("tx-9", record).orElseThrow();

        assertThat(labelled.key()).isEqualTo("fs:fraud_v9:l:{98:" + StateLayout.labelBucket("tx-9") + "}");
        assertThat(labelled.fields()).containsOnlyKeys("tx-9");
        assertThat(StateLayout.record(labelled.fields().get("tx-9"))).isEqualTo(record);
        assertThat(labelled.ttlMillis()).isEqualTo(99 * DAY + SPEC.labelHorizon().toMillis() - CUTOFF);
        assertThat(encoder.labelRecord("tx-8", new TransactionRecord("c1", "t7", CUTOFF - 8 * DAY, null, 0)))
                .as("its bucket expired before the cut-off").isEmpty();
    }
}
