package dev.fraudscore.features;

import static dev.fraudscore.features.state.Counter.AMOUNT;
import static dev.fraudscore.features.state.Counter.COUNT;
import static dev.fraudscore.features.state.Counter.FRAUD;

import dev.fraudscore.features.state.AggregateState;
import dev.fraudscore.features.state.Entity;
import dev.fraudscore.features.state.ExactWindow;
import dev.fraudscore.features.state.LastEvent;
import dev.fraudscore.features.state.RecentMerchants;
import dev.fraudscore.features.state.StateSpec;
import dev.fraudscore.features.state.Tiles;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Feature set {@code fraud_v2}: the features the fraud literature finds strongest (the Fraud Detection Handbook's
 * customer spending and terminal risk windows), plus what still helps from {@code fraud_v1}. All of it on bounded
 * state: daily tiles over 1, 7 and 30 days, one exact hour, the card's last {@value #MERCHANT_MEMORY} merchants.
 *
 * <ul>
 *   <li>Card windows of 1, 7, 30 days are the current UTC day so far and the 0, 6, 29 whole days before it, and
 *       include the transaction itself (as the Handbook's rolling windows do): a count of at least 1, and the
 *       average amount {@code log1p} in euros.</li>
 *   <li>Merchant windows of 1, 7, 30 days end a label delay before the transaction's day (default
 *       {@value #DEFAULT_LABEL_DELAY_DAYS} days): whole days {@code [D - delay - w, D - delay - 1]}, the Handbook's
 *       {@code [t - delay - w, t - delay)} on day tiles, so every transaction counted is at least the delay old.
 *       Risk is the share of those transactions labelled fraudulent by a label reported before {@code t} (0 when the
 *       window is empty).</li>
 *   <li>Weekend and night (hour 0 to 6 inclusive, the Handbook's rule) in UTC: the transaction carries no local
 *       time.</li>
 *   <li>From {@code fraud_v1}: earlier transactions of the card in the last hour (exact), seconds since its latest
 *       earlier payment within 30 days, first time at this merchant (among its last
 *       {@value #MERCHANT_MEMORY}), cross-border, channel.</li>
 * </ul>
 * Computed with {@link StrictMath} so the trainer and the service get bit-identical vectors.
 */
public final class FraudV2 implements AggregateFeatureSet {

    public static final int DEFAULT_LABEL_DELAY_DAYS = 7;
    static final int MERCHANT_MEMORY = 16;
    private static final List<Integer> DAYS = List.of(1, 7, 30);
    private static final Duration LAST_SEEN_HORIZON = Duration.ofDays(30);
    static final float NO_LAST_SEEN = (float) StrictMath.log1p(LAST_SEEN_HORIZON.toSeconds());

    private static final ExactWindow LAST_HOUR = new ExactWindow("h", Entity.CARD, Duration.ofHours(1));
    private static final LastEvent LAST_SEEN = new LastEvent("last", Entity.CARD, LAST_SEEN_HORIZON);
    private static final Tiles CARD_DAYS = Tiles.daily("d", Entity.CARD, DAYS, 0, COUNT, AMOUNT);
    private static final Duration MERCHANT_HORIZON = Duration.ofDays(90);

    private static final List<FeatureSpec> FEATURES = List.of(
            FeatureSpec.float32("amount_log1p", 0f),
            FeatureSpec.float32("is_weekend", 0f),
            FeatureSpec.float32("is_night", 0f),
            FeatureSpec.float32("channel_ecommerce", 0f),
            FeatureSpec.float32("channel_pos", 0f),
            FeatureSpec.float32("channel_atm", 0f),
            FeatureSpec.float32("channel_moto", 0f),
            FeatureSpec.float32("cross_border", 0f),
            FeatureSpec.float32("card_tx_count_1h", 0f),
            FeatureSpec.float32("seconds_since_last_tx_log1p", NO_LAST_SEEN),
            FeatureSpec.float32("first_time_merchant", 0f),
            FeatureSpec.float32("card_tx_count_1d", 1f),
            FeatureSpec.float32("card_tx_count_7d", 1f),
            FeatureSpec.float32("card_tx_count_30d", 1f),
            FeatureSpec.float32("card_avg_amount_1d_log1p", 0f),
            FeatureSpec.float32("card_avg_amount_7d_log1p", 0f),
            FeatureSpec.float32("card_avg_amount_30d_log1p", 0f),
            FeatureSpec.float32("merchant_tx_count_1d_delayed", 0f),
            FeatureSpec.float32("merchant_tx_count_7d_delayed", 0f),
            FeatureSpec.float32("merchant_tx_count_30d_delayed", 0f),
            FeatureSpec.float32("merchant_risk_1d_delayed", 0f),
            FeatureSpec.float32("merchant_risk_7d_delayed", 0f),
            FeatureSpec.float32("merchant_risk_30d_delayed", 0f));

    private final Tiles merchantDays;
    private final RecentMerchants merchants;
    private final StateSpec state;

    /** The served definition: labels at least {@value #DEFAULT_LABEL_DELAY_DAYS} days old. */
    public FraudV2() {
        this(DEFAULT_LABEL_DELAY_DAYS);
    }

    /** Another delay is another definition: it is in the fingerprint. */
    public FraudV2(int labelDelayDays) {
        this(labelDelayDays, MERCHANT_MEMORY);
    }

    /** The same features with a card remembering {@code merchantMemory} merchants ({@link FraudV3}'s). */
    FraudV2(int labelDelayDays, int merchantMemory) {
        this(labelDelayDays, merchantMemory, Duration.ofDays(1));
    }

    /**
     * The same features with the merchant windows on tiles of {@code merchantTile} ({@link FraudV4}'s): each window
     * and the delay are as many of them as make its days, so a window's ends move by a tile, not a day.
     */
    FraudV2(int labelDelayDays, int merchantMemory, Duration merchantTile) {
        if (labelDelayDays < 1) {
            throw new IllegalArgumentException("the label delay is at least a day; it was " + labelDelayDays);
        }
        int perDay = Math.toIntExact(Duration.ofDays(1).toMillis() / merchantTile.toMillis());
        merchantDays = new Tiles("md", Entity.MERCHANT, merchantTile, DAYS.stream().map(d -> d * perDay).toList(),
                labelDelayDays * perDay, List.of(COUNT, FRAUD));
        merchants = new RecentMerchants("m", merchantMemory, MERCHANT_HORIZON);
        state = StateSpec.of(LAST_HOUR, LAST_SEEN, CARD_DAYS, merchantDays, merchants);
    }

    @Override
    public String name() {
        return "fraud";
    }

    @Override
    public int version() {
        return 2;
    }

    @Override
    public String amountCurrency() {
        return RequestFeatures.EUR;
    }

    @Override
    public int transformVersion() {
        return 1;
    }

    @Override
    public List<FeatureSpec> features() {
        return FEATURES;
    }

    @Override
    public StateSpec state() {
        return state;
    }

    @Override
    public FeatureVector compute(FeatureTransaction tx, AggregateState s) {
        List<String> missing = new ArrayList<>(1);
        float[] v = new float[FEATURES.size()];
        v[0] = (float) StrictMath.log1p(RequestFeatures.majorUnits(tx.amountMinor()));
        ZonedDateTime utc = tx.occurredAt().atZone(ZoneOffset.UTC);
        v[1] = utc.getDayOfWeek() == DayOfWeek.SATURDAY || utc.getDayOfWeek() == DayOfWeek.SUNDAY ? 1f : 0f;
        v[2] = utc.getHour() <= 6 ? 1f : 0f;
        RequestFeatures.channel(tx, v, 3);
        v[7] = RequestFeatures.crossBorder(tx) ? 1f : 0f;
        v[8] = s.count(LAST_HOUR);
        long last = s.lastMillis(LAST_SEEN);
        if (last >= 0) {
            v[9] = (float) StrictMath.log1p(Math.max(0, (tx.occurredAtMillis() - last) / 1000));
        } else {
            v[9] = FEATURES.get(9).defaultValue();
            missing.add(FEATURES.get(9).name());
        }
        v[10] = s.seen(merchants) ? 0f : 1f;
        for (int w = 0; w < DAYS.size(); w++) {
            // the transaction itself is in its card's windows
            long count = s.sum(CARD_DAYS, w, COUNT) + 1;
            long sum = Math.addExact(s.sum(CARD_DAYS, w, AMOUNT), tx.amountMinor());
            v[11 + w] = count;
            v[14 + w] = (float) StrictMath.log1p(RequestFeatures.majorUnits(sum) / count);
            long merchantCount = s.sum(merchantDays, w, COUNT);
            v[17 + w] = merchantCount;
            v[20 + w] = merchantCount == 0 ? 0f : (float) ((double) s.sum(merchantDays, w, FRAUD) / merchantCount);
        }
        return new FeatureVector(v, missing);
    }
}
