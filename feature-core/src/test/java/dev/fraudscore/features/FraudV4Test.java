package dev.fraudscore.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.domain.Channel;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FraudV4Test {

    private static final int MERCHANT_COUNT_1D = 17;
    private static final int MERCHANT_COUNT_7D = 18;

    private final FraudV4 fraudV4 = new FraudV4();
    private final FraudV3 fraudV3 = new FraudV3();

    private static FeatureTransaction tx(String id, String at, String card) {
        return new FeatureTransaction(id, Instant.parse(at), 2_500, card, "FR", "m-1", "5411", "FR", Channel.POS);
    }

    /**
     * A payment on Monday 10:00 reads the 1-day delayed window: with tiles of 3 hours it is the previous week's
     * Sunday 09:00 to Monday 09:00, the Handbook's "between 8 and 7 days old" to the tile; with day tiles it is that
     * whole Sunday.
     */
    @Test
    void theDelayedWindowsEndWithinThreeHoursOfTheDelay() {
        FeatureStore v3 = FeatureStores.inMemory(fraudV3);
        FeatureStore v4 = FeatureStores.inMemory(fraudV4);
        for (FeatureStore store : new FeatureStore[] {v3, v4}) {
            store.observe(tx("sunday", "2026-03-01T10:30:00Z", "card-a"));       // 7 days 23.5 h before
            store.observe(tx("monday-early", "2026-03-02T07:00:00Z", "card-b")); // 7 days 3 h before
            store.observe(tx("monday-late", "2026-03-02T09:30:00Z", "card-c"));  // 7 days 0.5 h before: too young
        }
        FeatureTransaction now = tx("now", "2026-03-09T10:00:00Z", "card-d");

        float[] byDays = v3.observe(now).vector().values();
        float[] byTiles = v4.observe(now).vector().values();

        assertThat(byDays[MERCHANT_COUNT_1D]).as("fraud_v3: the Sunday").isEqualTo(1f);
        assertThat(byTiles[MERCHANT_COUNT_1D]).as("fraud_v4: Sunday 10:30 and Monday 07:00").isEqualTo(2f);
        assertThat(byDays[MERCHANT_COUNT_7D]).isEqualTo(1f);
        assertThat(byTiles[MERCHANT_COUNT_7D]).isEqualTo(2f);
    }

    @Test
    void isFraudV3ExceptForTheMerchantWindows() {
        FeatureStore v3 = FeatureStores.inMemory(fraudV3);
        FeatureStore v4 = FeatureStores.inMemory(fraudV4);
        for (int i = 0; i < 6; i++) {
            FeatureTransaction t = new FeatureTransaction("t" + i,
                    Instant.parse("2026-03-09T07:00:00Z").plusSeconds(5_000L * i), 1_000L * (i + 1), "card-1", "FR",
                    "m-" + i % 2, "5411", i % 3 == 0 ? "DE" : "FR", Channel.values()[i % 4]);
            float[] expected = v3.observe(t).vector().values();
            float[] computed = v4.observe(t).vector().values();

            assertThat(Arrays.copyOf(computed, MERCHANT_COUNT_1D))
                    .containsExactly(Arrays.copyOf(expected, MERCHANT_COUNT_1D));
            assertThat(computed[23]).isEqualTo(expected[23]);
        }
        assertThat(fraudV4.featureNames()).isEqualTo(fraudV3.featureNames());
    }

    @Test
    void isItsOwnDefinition() {
        assertThat(fraudV4.id()).isEqualTo("fraud_v4");
        assertThat(fraudV4.fingerprint()).isNotEqualTo(fraudV3.fingerprint())
                .isNotEqualTo(new FraudV4(5).fingerprint()).isEqualTo(new FraudV4(7).fingerprint());
        assertThat(fraudV4.state().describe()).contains("tiles:md:MERCHANT:10800000:[8, 56, 240]:delay=56");
        assertThat(FeatureSets.find("fraud_v4")).containsInstanceOf(FraudV4.class);
    }
}
