package dev.fraudscore.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.domain.Channel;
import dev.fraudscore.features.FeatureTransaction;
import dev.fraudscore.features.FraudV1;
import dev.fraudscore.simulator.FraudPattern;
import dev.fraudscore.simulator.LabelledTransaction;
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
