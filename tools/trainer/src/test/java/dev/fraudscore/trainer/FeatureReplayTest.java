package dev.fraudscore.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.domain.Channel;
import dev.fraudscore.features.FeatureTransaction;
import dev.fraudscore.features.FraudV1;
import dev.fraudscore.features.FraudV2;
import dev.fraudscore.simulator.FraudPattern;
import dev.fraudscore.simulator.LabelledTransaction;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureReplayTest {

    private static final Instant T0 = Instant.parse("2025-01-06T12:00:00Z");
    private static final int COUNT_1H = new FraudV1().featureNames().indexOf("card_tx_count_1h");
    private static final int FIRST_TIME_MERCHANT = new FraudV1().featureNames().indexOf("first_time_merchant");

    @Test
    void replaysThroughTheHistoryStoreSoLaterRowsSeeEarlierOnes() {
        List<LabelledTransaction> txs = List.of(
                labelled("a", 0, "m1", FraudPattern.NONE),
                labelled("b", 60, "m1", FraudPattern.NONE),
                labelled("c", 120, "m2", FraudPattern.CARD_TESTING));
        LabelledRows rows = FeatureReplay.replay(txs, new FraudV1());
        assertThat(rows.size()).isEqualTo(3);
        assertThat(rows.rows()[0][COUNT_1H]).isEqualTo(0f);
        assertThat(rows.rows()[2][COUNT_1H]).isEqualTo(2f);
        assertThat(rows.rows()[1][FIRST_TIME_MERCHANT]).isEqualTo(0f);
        assertThat(rows.rows()[2][FIRST_TIME_MERCHANT]).isEqualTo(1f);
        assertThat(rows.labels()).containsExactly(0f, 0f, 1f);
        assertThat(rows.patterns()).containsExactly(FraudPattern.NONE, FraudPattern.NONE, FraudPattern.CARD_TESTING);
        assertThat(rows.firstAtOrAfter(T0.plusSeconds(60).toEpochMilli())).isEqualTo(1);
        assertThat(rows.firstAtOrAfter(T0.plusSeconds(61).toEpochMilli())).isEqualTo(2);
    }

    @Test
    void aFraudV2ReplayWithLabelsSeesAFraudOnceItIsReportedAndTheDelayOld() {
        FraudV2 fraudV2 = new FraudV2();
        int risk1d = fraudV2.featureNames().indexOf("merchant_risk_1d_delayed");
        int count1d = fraudV2.featureNames().indexOf("merchant_tx_count_1d_delayed");
        int day = 24 * 3600;
        List<LabelledTransaction> txs = List.of(
                labelled("fraud", 0, "m1", FraudPattern.CARD_TESTING),
                labelled("genuine", 60, "m1", FraudPattern.NONE),
                labelled("day8", 8 * day, "m1", FraudPattern.NONE));

        LabelledRows withLabels = FeatureReplay.replayWithLabels(txs, fraudV2);
        LabelledRows withoutLabels = FeatureReplay.replay(txs, fraudV2);

        assertThat(withLabels.rows()[2][count1d]).isEqualTo(2f);
        assertThat(withLabels.rows()[2][risk1d]).isEqualTo(0.5f);
        assertThat(withoutLabels.rows()[2][risk1d]).isZero();
        assertThat(withLabels.rows()[1]).as("reported a day later: not yet seen").containsExactly(withoutLabels.rows()[1]);
    }

    @Test
    void theFeatureSetIsChosenByIdAndAnUnknownOneIsRefused() {
        assertThat(TrainingRun.featureSet(TrainingConfig.small(Path.of("m")).withFeatureSet("fraud_v2")).id())
                .isEqualTo("fraud_v2");
        assertThatThrownBy(() -> TrainingRun.featureSet(TrainingConfig.small(Path.of("m")).withFeatureSet("fraud_v7")))
                .isInstanceOf(TrainingException.class)
                .hasMessage("this build does not know feature set fraud_v7; known: [fraud_v1, fraud_v2, fraud_v3, fraud_v4]");
    }

    @Test
    void refusesTransactionsOutOfTimeOrder() {
        List<LabelledTransaction> txs = List.of(labelled("late", 60, "m1", FraudPattern.NONE),
                labelled("early", 0, "m1", FraudPattern.NONE));
        assertThatThrownBy(() -> FeatureReplay.replay(txs, new FraudV1()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("time order");
    }

    private static LabelledTransaction labelled(String id, int seconds, String merchant, FraudPattern pattern) {
        FeatureTransaction tx = new FeatureTransaction(id, T0.plusSeconds(seconds), 1_000, "card-1", "DE", merchant,
                "5999", "DE", Channel.ECOMMERCE);
        return new LabelledTransaction(tx, "cust-1", pattern, 52.5, 13.4);
    }
}
