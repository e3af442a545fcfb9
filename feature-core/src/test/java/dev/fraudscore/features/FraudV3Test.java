package dev.fraudscore.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.domain.Channel;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FraudV3Test {

    private final FraudV3 fraudV3 = new FraudV3();

    private static FeatureTransaction tx(int i, String merchant, long amountMinor) {
        return new FeatureTransaction("t" + i, Instant.parse("2026-03-09T07:00:00Z").plusSeconds(60L * i), amountMinor,
                "card-1", "FR", merchant, "5411", "FR", Channel.POS);
    }

    @Test
    void isFraudV2ThenTheAmountInEuros() {
        FeatureStore v2 = FeatureStores.inMemory(new FraudV2());
        FeatureStore v3 = FeatureStores.inMemory(fraudV3);
        for (int i = 0; i < 5; i++) {
            FeatureTransaction t = tx(i, "m-" + i % 2, 1_000L * (i + 1) + 7);
            FeatureVector expected = v2.observe(t).vector();
            FeatureVector computed = v3.observe(t).vector();

            assertThat(Arrays.copyOf(computed.values(), 23)).containsExactly(expected.values());
            assertThat(computed.values()[23]).isEqualTo((float) ((1_000L * (i + 1) + 7) / 100.0));
            assertThat(computed.missing()).isEqualTo(expected.missing());
        }
        assertThat(fraudV3.featureNames()).hasSize(24).endsWith("amount_eur")
                .startsWith(new FraudV2().featureNames().toArray(String[]::new));
    }

    @Test
    void aCardRemembersTwelveMerchantsWhereFraudV2RemembersSixteen() {
        FeatureStore v2 = FeatureStores.inMemory(new FraudV2());
        FeatureStore v3 = FeatureStores.inMemory(fraudV3);
        for (int i = 0; i < 14; i++) {
            v2.observe(tx(i, "m-" + i, 500));
            v3.observe(tx(i, "m-" + i, 500));
        }
        // m-1 is the 13th most recent merchant: forgotten by fraud_v3, remembered by fraud_v2
        FeatureTransaction again = tx(14, "m-1", 500);

        assertThat(v3.observe(again).vector().values()[10]).as("first_time_merchant in fraud_v3").isEqualTo(1f);
        assertThat(v2.observe(again).vector().values()[10]).as("first_time_merchant in fraud_v2").isEqualTo(0f);
    }

    @Test
    void isItsOwnDefinition() {
        assertThat(fraudV3.id()).isEqualTo("fraud_v3");
        assertThat(fraudV3.fingerprint()).isNotEqualTo(new FraudV2().fingerprint())
                .isNotEqualTo(new FraudV3(5).fingerprint()).isEqualTo(new FraudV3(7).fingerprint());
        assertThat(FeatureSets.find("fraud_v3")).containsInstanceOf(FraudV3.class);
    }
}
