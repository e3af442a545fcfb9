package dev.fraudscore.features;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Feature set {@code fraud_v1}: request-time features of the transaction plus the card's sliding-window
 * aggregates. Computed with {@link StrictMath} so the trainer and the service get bit-identical vectors.
 */
public final class FraudV1 implements FeatureSet {

    static final String CURRENCY = RequestFeatures.EUR;
    static final float NO_LAST_SEEN = (float) StrictMath.log1p(HistoryWindows.LONG.toSeconds());

    private static final List<FeatureSpec> FEATURES = List.of(
            FeatureSpec.float32("amount_log1p", 0f),
            FeatureSpec.float32("hour_sin", 0f),
            FeatureSpec.float32("hour_cos", 0f),
            FeatureSpec.float32("channel_ecommerce", 0f),
            FeatureSpec.float32("channel_pos", 0f),
            FeatureSpec.float32("channel_atm", 0f),
            FeatureSpec.float32("channel_moto", 0f),
            FeatureSpec.float32("cross_border", 0f),
            FeatureSpec.float32("card_tx_count_1h", 0f),
            FeatureSpec.float32("card_tx_count_24h", 0f),
            FeatureSpec.float32("card_amount_sum_24h_log1p", 0f),
            FeatureSpec.float32("seconds_since_last_tx_log1p", NO_LAST_SEEN),
            FeatureSpec.float32("amount_to_card_avg_24h", 1f),
            FeatureSpec.float32("first_time_merchant", 0f));

    @Override
    public String name() {
        return "fraud";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String amountCurrency() {
        return CURRENCY;
    }

    @Override
    public int transformVersion() {
        return 1;
    }

    @Override
    public List<FeatureSpec> features() {
        return FEATURES;
    }

    /** The vector of {@code tx} from its card's history before it. */
    public FeatureVector compute(FeatureTransaction tx, CardHistory h) {
        List<String> missing = new ArrayList<>(2);
        float[] v = new float[FEATURES.size()];
        v[0] = (float) StrictMath.log1p(majorUnits(tx.amountMinor()));
        double hour = tx.occurredAt().atOffset(ZoneOffset.UTC).toLocalTime().toSecondOfDay() / 3600.0;
        double angle = 2 * StrictMath.PI * hour / 24.0;
        v[1] = (float) StrictMath.sin(angle);
        v[2] = (float) StrictMath.cos(angle);
        RequestFeatures.channel(tx, v, 3);
        v[7] = RequestFeatures.crossBorder(tx) ? 1f : 0f;
        v[8] = h.txCount1h();
        v[9] = h.txCount24h();
        v[10] = (float) StrictMath.log1p(majorUnits(h.amountSum24hMinor()));
        if (h.hasLastSeen()) {
            long seconds = Math.max(0, (tx.occurredAtMillis() - h.lastSeenMillis()) / 1000);
            v[11] = (float) StrictMath.log1p(seconds);
        } else {
            v[11] = FEATURES.get(11).defaultValue();
            missing.add(FEATURES.get(11).name());
        }
        if (h.txCount24h() > 0 && h.amountSum24hMinor() > 0) {
            double average = (double) h.amountSum24hMinor() / h.txCount24h();
            v[12] = (float) Math.min(100.0, tx.amountMinor() / average);
        } else {
            v[12] = FEATURES.get(12).defaultValue();
            missing.add(FEATURES.get(12).name());
        }
        v[13] = h.merchantSeen() ? 0f : 1f;
        return new FeatureVector(v, missing);
    }

    private static double majorUnits(long minor) {
        return RequestFeatures.majorUnits(minor);
    }
}
