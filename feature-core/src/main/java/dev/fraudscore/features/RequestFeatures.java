package dev.fraudscore.features;

import dev.fraudscore.domain.Channel;
import java.util.Currency;

/** Features of the transaction alone, shared by the sets that compute them the same way. */
final class RequestFeatures {

    static final String EUR = "EUR";
    private static final double MINOR_PER_MAJOR =
            StrictMath.pow(10, Currency.getInstance(EUR).getDefaultFractionDigits());

    private RequestFeatures() {
    }

    static boolean crossBorder(FeatureTransaction tx) {
        return tx.cardCountry() != null && tx.merchantCountry() != null
                && !tx.cardCountry().equalsIgnoreCase(tx.merchantCountry());
    }

    /** An amount in minor units of EUR, in euros. */
    static double majorUnits(long minor) {
        return minor / MINOR_PER_MAJOR;
    }

    /** Writes the channel one-hot ({@code ECOMMERCE, POS, ATM, MOTO}) into {@code v} from {@code at}. */
    static void channel(FeatureTransaction tx, float[] v, int at) {
        v[at] = tx.channel() == Channel.ECOMMERCE ? 1f : 0f;
        v[at + 1] = tx.channel() == Channel.POS ? 1f : 0f;
        v[at + 2] = tx.channel() == Channel.ATM ? 1f : 0f;
        v[at + 3] = tx.channel() == Channel.MOTO ? 1f : 0f;
    }
}
