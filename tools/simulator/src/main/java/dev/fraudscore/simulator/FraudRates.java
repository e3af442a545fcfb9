package dev.fraudscore.simulator;

/**
 * How often each fraud pattern starts. The card-level rates are per card and day; compromised
 * merchants are per thousand cards over the whole run. The defaults give about 1.5 % fraud.
 */
public record FraudRates(
        double cardTesting,
        double highAmountNewMerchant,
        double nightTime,
        double accountTakeover,
        double habitMimicry,
        double compromisedMerchantsPerThousandCards) {

    public static final FraudRates DEFAULT = new FraudRates(0.001, 0.0012, 0.001, 0.0008, 0.0012, 4.0);

    public FraudRates {
        for (double rate : new double[] {cardTesting, highAmountNewMerchant, nightTime, accountTakeover, habitMimicry}) {
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("a per card and day fraud rate must lie in [0, 1], got " + rate);
            }
        }
        if (compromisedMerchantsPerThousandCards < 0) {
            throw new IllegalArgumentException("compromised merchants per thousand cards must not be negative");
        }
    }
}
