package dev.fraudscore.features.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.domain.Channel;
import dev.fraudscore.features.FeatureTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryAggregateStoreTest {

    private static final Instant DAY0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final ExactWindow HOUR = new ExactWindow("h", Entity.CARD, Duration.ofHours(1));
    private static final LastEvent LAST = new LastEvent("last", Entity.CARD, Duration.ofDays(30));
    private static final Tiles CARD = Tiles.daily("d", Entity.CARD, List.of(1, 7), 0, Counter.COUNT, Counter.AMOUNT);
    private static final Tiles MERCHANT = Tiles.daily("md", Entity.MERCHANT, List.of(1, 7), 7, Counter.COUNT,
            Counter.FRAUD);
    private static final RecentMerchants MERCHANTS = new RecentMerchants("m", 2, Duration.ofDays(90));
    private static final StateSpec SPEC = StateSpec.of(HOUR, LAST, CARD, MERCHANT, MERCHANTS);

    private final InMemoryAggregateStore store = new InMemoryAggregateStore(SPEC);

    private static FeatureTransaction tx(String id, String card, String merchant, Instant at, long amount) {
        return new FeatureTransaction(id, at, amount, card, "FR", merchant, "5411", "FR", Channel.POS);
    }

    private AggregateState observe(String id, String card, String merchant, Instant at, long amount) {
        return store.observe(tx(id, card, merchant, at, amount)).state();
    }

    @Test
    void cardWindowsCountTheCurrentDayAndTheDaysBeforeIt() {
        observe("a", "c1", "m1", DAY0.plusSeconds(3600), 1_000);
        observe("b", "c1", "m1", DAY0.plus(Duration.ofDays(3)), 2_000);
        AggregateState s = observe("c", "c1", "m1", DAY0.plus(Duration.ofDays(3)).plusSeconds(1800), 500);

        assertThat(s.count(HOUR)).isEqualTo(1);
        assertThat(s.lastMillis(LAST)).isEqualTo(DAY0.plus(Duration.ofDays(3)).toEpochMilli());
        assertThat(s.sum(CARD, 0, Counter.COUNT)).isEqualTo(1);
        assertThat(s.sum(CARD, 0, Counter.AMOUNT)).isEqualTo(2_000);
        assertThat(s.sum(CARD, 1, Counter.COUNT)).isEqualTo(2);
        assertThat(s.sum(CARD, 1, Counter.AMOUNT)).isEqualTo(3_000);
        assertThat(s.seen(MERCHANTS)).isTrue();
    }

    @Test
    void merchantRiskCountsOnlyWindowsADelayOldAndLabelsAlreadyReported() {
        observe("f", "c1", "m1", DAY0.plusSeconds(60), 1_000);
        observe("g", "c2", "m1", DAY0.plusSeconds(120), 1_000);
        // 6 days later the day is not yet the delay old
        assertThat(observe("x1", "c3", "m1", DAY0.plus(Duration.ofDays(7)), 1).sum(MERCHANT, 0, Counter.COUNT))
                .isZero();
        AggregateState beforeLabel = observe("x2", "c3", "m1", DAY0.plus(Duration.ofDays(8)), 1);
        assertThat(beforeLabel.sum(MERCHANT, 0, Counter.COUNT)).isEqualTo(2);
        assertThat(beforeLabel.sum(MERCHANT, 0, Counter.FRAUD)).isZero();

        assertThat(store.recordLabel(new TransactionLabel("f", FraudLabel.FRAUD, DAY0.plus(Duration.ofDays(8)))))
                .isEqualTo(LabelOutcome.RECORDED);
        AggregateState afterLabel = observe("x3", "c3", "m1", DAY0.plus(Duration.ofDays(8)).plusSeconds(1), 1);

        assertThat(afterLabel.sum(MERCHANT, 0, Counter.FRAUD)).isEqualTo(1);
        assertThat(afterLabel.sum(MERCHANT, 1, Counter.COUNT)).isEqualTo(2);
        assertThat(observe("x4", "c3", "m1", DAY0.plus(Duration.ofDays(9)), 1).sum(MERCHANT, 0, Counter.COUNT))
                .as("the 1-day window has moved on").isZero();
    }

    @Test
    void aLabelCountsOnceAndAContradictionMovesNothing() {
        observe("f", "c1", "m1", DAY0, 1_000);
        TransactionLabel fraud = new TransactionLabel("f", FraudLabel.FRAUD, DAY0.plusSeconds(10));

        assertThat(store.recordLabel(fraud)).isEqualTo(LabelOutcome.RECORDED);
        assertThat(store.recordLabel(fraud)).isEqualTo(LabelOutcome.REPEATED);
        assertThat(store.recordLabel(new TransactionLabel("f", FraudLabel.GENUINE, DAY0.plusSeconds(20))))
                .isEqualTo(LabelOutcome.CONFLICT);
        assertThat(store.recordLabel(new TransactionLabel("nope", FraudLabel.FRAUD, DAY0)))
                .isEqualTo(LabelOutcome.UNKNOWN_TRANSACTION);
        assertThat(observe("later", "c2", "m1", DAY0.plus(Duration.ofDays(8)), 1).sum(MERCHANT, 0, Counter.FRAUD))
                .isEqualTo(1);
    }

    @Test
    void theMerchantMemoryKeepsTheLastFewMerchants() {
        observe("1", "c1", "m1", DAY0, 1);
        observe("2", "c1", "m2", DAY0.plusSeconds(1), 1);
        observe("3", "c1", "m3", DAY0.plusSeconds(2), 1);

        assertThat(observe("4", "c1", "m1", DAY0.plusSeconds(3), 1).seen(MERCHANTS)).as("m1 was forgotten").isFalse();
        assertThat(observe("5", "c1", "m3", DAY0.plusSeconds(4), 1).seen(MERCHANTS)).isTrue();
    }

    @Test
    void aRetryGetsTheFirstStateAndMovesNothing() {
        FeatureTransaction first = tx("r", "c1", "m1", DAY0, 1_000);
        AggregateState state = store.observe(first).state();

        assertThat(store.observe(first)).isEqualTo(new AggregateStore.Observation(state, true));
        assertThat(observe("s", "c1", "m1", DAY0.plusSeconds(1), 1).sum(CARD, 0, Counter.COUNT)).isEqualTo(1);
    }

    @Test
    void aLateTransactionReadsNoTileOlderThanTheEntityKeeps() {
        observe("new", "c1", "m1", DAY0.plus(Duration.ofDays(20)), 1);
        AggregateState late = observe("old", "c1", "m1", DAY0.plus(Duration.ofDays(12)), 1);
        AggregateState later = observe("older", "c1", "m1", DAY0.plus(Duration.ofDays(12)).plusSeconds(5), 1);

        assertThat(late.sum(CARD, 1, Counter.COUNT)).isZero();
        assertThat(later.sum(CARD, 1, Counter.COUNT)).as("day 12 is older than the 7 days kept back from day 20")
                .isZero();
        assertThat(late.lastMillis(LAST)).as("the latest never moves back")
                .isEqualTo(DAY0.plus(Duration.ofDays(20)).toEpochMilli());
    }

    @Test
    void aSpecWithoutLabelsRefusesThem() {
        InMemoryAggregateStore plain = new InMemoryAggregateStore(StateSpec.of(HOUR));

        assertThatThrownBy(() -> plain.recordLabel(new TransactionLabel("t", FraudLabel.FRAUD, DAY0)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(SPEC.labelHorizon()).isEqualTo(Duration.ofDays(16));
    }

    @Test
    void aStoreOfOneEntityKeepsItsAggregatesAsTheWholeStoreDoesAndSnapshotsThem() {
        InMemoryAggregateStore merchantsOnly = new InMemoryAggregateStore(SPEC, Entity.MERCHANT);
        for (int i = 0; i < 12; i++) {
            FeatureTransaction t = tx("t" + i, "c" + (i % 3), "m1", DAY0.plus(Duration.ofHours(20L * i)), 100 + i);
            AggregateState whole = store.observe(t).state();
            AggregateState part = merchantsOnly.observe(t).state();
            assertThat(part.sum(MERCHANT, 1, Counter.COUNT)).isEqualTo(whole.sum(MERCHANT, 1, Counter.COUNT));
            assertThat(part.lastMillis(LAST)).isZero();
            if (i == 3) {
                TransactionLabel label = new TransactionLabel("t1", FraudLabel.FRAUD, t.occurredAt());
                assertThat(merchantsOnly.recordLabel(label)).isEqualTo(store.recordLabel(label));
            }
        }
        assertThat(merchantsOnly.snapshot(LAST, "c0")).isEmpty();
        AggregateSnapshot.TileRing ring = (AggregateSnapshot.TileRing) merchantsOnly.snapshot(MERCHANT, "m1")
                .orElseThrow();
        assertThat(ring.hi()).isEqualTo(MERCHANT.tileOf(DAY0.plus(Duration.ofHours(220)).toEpochMilli()));
        assertThat(ring.tiles().values().stream().mapToLong(c -> c[1]).sum()).as("fraud labels").isEqualTo(1);
        assertThat(merchantsOnly.record("t1")).hasValueSatisfying(r -> assertThat(r.label()).isEqualTo(FraudLabel.FRAUD));
        assertThat(((AggregateSnapshot.Window) store.snapshot(HOUR, "c2").orElseThrow()).members()).containsOnlyKeys("t11");
    }
}
