package dev.fraudscore.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.features.state.Counter;
import dev.fraudscore.features.state.Entity;
import dev.fraudscore.features.state.FraudLabel;
import dev.fraudscore.features.state.LastEvent;
import dev.fraudscore.features.state.StateLayout;
import dev.fraudscore.features.state.StateSpec;
import dev.fraudscore.features.state.Tiles;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityFoldTest {

    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final long CUTOFF = 100 * DAY;
    private static final Tiles MERCHANT_DAYS = Tiles.daily("md", Entity.MERCHANT, List.of(1, 3), 2, Counter.COUNT,
            Counter.FRAUD);
    private static final LastEvent LAST = new LastEvent("last", Entity.CARD, Duration.ofDays(30));
    private static final StateSpec SPEC = StateSpec.of(LAST, MERCHANT_DAYS);
    private final EntityFold fold = new EntityFold(SPEC,
            new StateEncoder(new StateLayout("fs:", "fraud_v9"), SPEC, CUTOFF), CUTOFF, DAY);

    private static HistoryRow row(long seq, String tx, long millis, String card, String merchant, boolean fraud) {
        return new HistoryRow(seq, tx, millis, 100, card, merchant, fraud ? millis + DAY : HistoryRow.NOT_REPORTED);
    }

    @Test
    void aMerchantCountsOnlyTheLabelsReportedBeforeTheCutoff() {
        List<HistoryRow> rows = List.of(
                row(2, "b", CUTOFF - 1_000, "c2", "t1", true), // reported after the cut-off
                row(0, "a", CUTOFF - 2 * DAY, "c1", "t1", true), // reported a day before it
                row(1, "x", CUTOFF - 2 * DAY + 5, "c1", "t1", false));

        EntityFold.Folded folded = fold.fold(Entity.MERCHANT, "t1", rows);

        assertThat(folded.labelRecords()).as("a card's group writes the records").isEmpty();
        assertThat(folded.aggregates()).singleElement().satisfies(w -> {
            assertThat(w.key()).isEqualTo("fs:fraud_v9:m:{t1}:md");
            // tile 98 (slot 2, fields 4, 5): two payments, one fraud reported; tile 99 (slot 3): one, not yet
            assertThat(w.fields()).containsEntry("hi", "99").containsEntry("4", "2").containsEntry("5", "1")
                    .containsEntry("6", "1").doesNotContainKey("7");
        });
    }

    @Test
    void aCardWritesItsOwnAggregatesAndItsTransactionsLabelRecords() {
        EntityFold.Folded folded = fold.fold(Entity.CARD, "c1", List.of(
                row(0, "a", CUTOFF - 2 * DAY, "c1", "t1", true), row(1, "x", CUTOFF - DAY + 1, "c1", "t2", false)));

        assertThat(folded.aggregates()).singleElement()
                .satisfies(w -> assertThat(w.value()).isEqualTo(Long.toString(CUTOFF - DAY + 1)));
        StateLayout layout = new StateLayout("fs:", "fraud_v9");
        assertThat(folded.labelRecords()).extracting(StateWrite::key).containsExactly(
                layout.labelBucket("a", CUTOFF - 2 * DAY), layout.labelBucket("x", CUTOFF - DAY + 1));
        assertThat(StateLayout.record(folded.labelRecords().get(0).fields().get("a")).label())
                .isEqualTo(FraudLabel.FRAUD);
        // the retry cache holds a day: only x, with the card's state before it (a's instant as the last event)
        assertThat(folded.recent()).singleElement().satisfies(r -> {
            assertThat(r.transactionId()).isEqualTo("x");
            assertThat(r.entity()).isEqualTo(Entity.CARD);
            assertThat(r.values()[0]).isEqualTo(CUTOFF - 2 * DAY);
        });
    }

    @Test
    void aRecentTransactionsStateIsItsCardsPartAndItsMerchantsPart() {
        List<HistoryRow> rows = List.of(row(0, "a", CUTOFF - 4 * DAY, "c1", "t1", false),
                row(1, "x", CUTOFF - 1_000, "c1", "t1", false));
        RecentState card = fold.fold(Entity.CARD, "c1", rows).recent().get(0);
        RecentState merchant = fold.fold(Entity.MERCHANT, "t1", rows).recent().get(0);

        List<RecentState> whole = RecentState.whole(SPEC, List.of(card, merchant));

        // the last event, then the merchant's (count, fraud) over 1 and 3 days delayed by 2 for day 99: [96, 96] and
        // [94, 96]; a is on day 96
        assertThat(whole).singleElement().satisfies(r -> assertThat(r.values())
                .containsExactly(CUTOFF - 4 * DAY, 1, 0, 1, 0));
        StateWrite cached = new StateEncoder(new StateLayout("fs:", "fraud_v9"), SPEC, CUTOFF)
                .transactionCache(whole.get(0), DAY).orElseThrow();
        assertThat(cached).isEqualTo(StateWrite.string("fs:fraud_v9:{c1}:t:x",
                (CUTOFF - 4 * DAY) + ",1,0,1,0", DAY - 1_000));
    }

    @Test
    void aRowAtOrAfterTheCutoffIsAMistakeOfTheCaller() {
        assertThatThrownBy(() -> fold.fold(Entity.CARD, "c1", List.of(row(0, "a", CUTOFF, "c1", "t1", false))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
