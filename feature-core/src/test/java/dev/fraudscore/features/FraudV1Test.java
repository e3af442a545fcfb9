package dev.fraudscore.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fraudscore.domain.Channel;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FraudV1Test {

    private final FraudV1 fraudV1 = new FraudV1();

    @Test
    void computesRequestTimeFeaturesAndAggregatesInManifestOrder() {
        FeatureTransaction tx = tx("t1", "2026-01-01T06:00:00Z", 12_950, "POS", "FR", "DE");
        CardHistory history = new CardHistory(2, 5, 50_000, Instant.parse("2026-01-01T05:59:00Z").toEpochMilli(), true);

        float[] v = fraudV1.compute(tx, history).values();

        assertThat(fraudV1.featureNames()).hasSize(v.length).startsWith("amount_log1p").endsWith("first_time_merchant");
        assertThat(v[0]).isCloseTo((float) Math.log1p(129.50), within(1e-6f));
        assertThat(v[1]).isCloseTo(1f, within(1e-6f)); // 06:00 -> a quarter of the day -> sin = 1
        assertThat(v[2]).isCloseTo(0f, within(1e-6f));
        assertThat(new float[] {v[3], v[4], v[5], v[6]}).containsExactly(0f, 1f, 0f, 0f);
        assertThat(v[7]).isEqualTo(1f);
        assertThat(v[8]).isEqualTo(2f);
        assertThat(v[9]).isEqualTo(5f);
        assertThat(v[10]).isCloseTo((float) Math.log1p(500.0), within(1e-5f));
        assertThat(v[11]).isCloseTo((float) Math.log1p(60), within(1e-6f));
        assertThat(v[12]).isCloseTo(12_950f / 10_000f, within(1e-6f));
        assertThat(v[13]).isZero();
    }

    @Test
    void aCardWithoutHistoryTakesDefaultsAndSaysWhichAreMissing() {
        FeatureVector vector = fraudV1.compute(tx("t1", "2026-01-01T12:00:00Z", 1_000, "ECOMMERCE", "FR", "FR"),
                CardHistory.EMPTY);

        assertThat(vector.missing()).containsExactly("seconds_since_last_tx_log1p", "amount_to_card_avg_24h");
        assertThat(vector.values()[11]).isEqualTo(FraudV1.NO_LAST_SEEN);
        assertThat(vector.values()[12]).isEqualTo(1f);
        assertThat(vector.values()[13]).isEqualTo(1f);
        assertThat(vector.values()[7]).isZero();
    }

    @Test
    void fingerprintChangesWithTheFeatureListAndIsStable() {
        assertThat(fraudV1.fingerprint()).hasSize(16).isEqualTo(new FraudV1().fingerprint());
        assertThat(fraudV1.id()).isEqualTo("fraud_v1");
        FeatureSet renamed = new DelegatingSet(fraudV1) {
            @Override
            public int transformVersion() {
                return 2;
            }
        };
        assertThat(renamed.fingerprint()).isNotEqualTo(fraudV1.fingerprint());
        assertThat(FeatureSets.find("fraud", 1)).containsSame(FeatureSets.find("fraud_v1").orElseThrow());
        assertThat(FeatureSets.find("fraud", 9)).isEmpty();
        assertThat(FeatureSets.find("fraud_v1.5")).isEmpty();
    }

    @Test
    void theFeatureSetIdReadsAndWritesTheIdForm() {
        assertThat(FeatureSetId.parse("fraud_v12")).contains(new FeatureSetId("fraud", 12, ""));
        assertThat(FeatureSetId.parse("fraud_v0")).isEmpty();
        assertThat(FeatureSetId.parse("Fraud_v1")).isEmpty();
        assertThat(fraudV1.ref().id()).isEqualTo("fraud_v1");
        assertThat(fraudV1.ref().matches(new FeatureSetId("fraud", 1, fraudV1.fingerprint()))).isTrue();
        assertThat(fraudV1.ref().matches(new FeatureSetId("fraud", 1, ""))).isFalse();
        assertThat(new FeatureSetId("fraud", 1, null).describe()).isEqualTo("fraud_v1 (no fingerprint)");
    }

    @Test
    void amountsAreReadInTheMinorUnitsOfTheSetsCurrency() {
        assertThat(fraudV1.amountCurrency()).isEqualTo("EUR");
        // 123.45 EUR: log1p of the major amount, two decimals
        float amountFeature = fraudV1.compute(tx("t", "2026-11-22T10:00:00Z", 12_345, "POS", "FR", "FR"),
                CardHistory.EMPTY).values()[0];
        assertThat(amountFeature).isEqualTo((float) StrictMath.log1p(123.45));
    }

    static FeatureTransaction tx(String id, String at, long amountMinor, String channel, String cardCountry,
                                 String merchantCountry) {
        return new FeatureTransaction(id, Instant.parse(at), amountMinor, "card-1", cardCountry, "m-1", "5411",
                merchantCountry, Channel.valueOf(channel));
    }

    private abstract static class DelegatingSet implements FeatureSet {
        private final FeatureSet delegate;

        DelegatingSet(FeatureSet delegate) {
            this.delegate = delegate;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public int version() {
            return delegate.version();
        }

        @Override
        public String amountCurrency() {
            return delegate.amountCurrency();
        }

        @Override
        public java.util.List<FeatureSpec> features() {
            return delegate.features();
        }
    }
}
