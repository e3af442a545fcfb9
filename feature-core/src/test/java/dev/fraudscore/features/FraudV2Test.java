package dev.fraudscore.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.domain.Channel;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FraudV2Test {

    private final FraudV2 fraudV2 = new FraudV2();

    private static FeatureTransaction tx(String id, String at, String merchantCountry) {
        return new FeatureTransaction(id, Instant.parse(at), 12_345, "card-1", "FR", "m-1", "5411", merchantCountry,
                Channel.ATM);
    }

    @Test
    void aFirstPaymentHasRequestFeaturesAndItselfInItsWindows() {
        // a Saturday at 03:00 UTC
        FeatureVector vector = FeatureStores.inMemory(fraudV2).observe(tx("t1", "2026-03-07T03:00:00Z", "DE")).vector();
        float[] v = vector.values();

        assertThat(fraudV2.featureNames()).hasSize(v.length).hasSize(23);
        assertThat(v[0]).isEqualTo((float) StrictMath.log1p(123.45));
        assertThat(new float[] {v[1], v[2], v[3], v[4], v[5], v[6], v[7]}).containsExactly(1f, 1f, 0f, 0f, 1f, 0f, 1f);
        assertThat(v[8]).isZero();
        assertThat(v[9]).isEqualTo(FraudV2.NO_LAST_SEEN);
        assertThat(vector.missing()).containsExactly("seconds_since_last_tx_log1p");
        assertThat(v[10]).as("first time at the merchant").isEqualTo(1f);
        assertThat(new float[] {v[11], v[12], v[13]}).containsExactly(1f, 1f, 1f);
        assertThat(v[14]).isEqualTo(v[0]);
        assertThat(new float[] {v[17], v[18], v[19], v[20], v[21], v[22]}).containsOnly(0f);
    }

    @Test
    void aWeekdayAfternoonIsNeitherWeekendNorNight() {
        float[] v = FeatureStores.inMemory(fraudV2).observe(tx("t1", "2026-03-09T07:00:00Z", "FR")).vector().values();

        assertThat(new float[] {v[1], v[2], v[7]}).containsOnly(0f);
    }

    @Test
    void theLabelDelayIsPartOfTheDefinition() {
        assertThat(fraudV2.id()).isEqualTo("fraud_v2");
        assertThat(new FraudV2(5).fingerprint()).isNotEqualTo(fraudV2.fingerprint());
        assertThat(new FraudV2(FraudV2.DEFAULT_LABEL_DELAY_DAYS).fingerprint()).isEqualTo(fraudV2.fingerprint());
        assertThat(fraudV2.fingerprint()).isNotEqualTo(new FraudV1().fingerprint());
        assertThat(FeatureSets.find("fraud_v2")).containsInstanceOf(FraudV2.class);
    }
}
