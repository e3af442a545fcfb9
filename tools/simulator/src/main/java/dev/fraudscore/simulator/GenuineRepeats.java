package dev.fraudscore.simulator;

import dev.fraudscore.domain.Channel;
import java.util.random.RandomGenerator;

/**
 * Genuine payments that come in quick runs, as fraud does: a retry after a decline (same merchant, same amount,
 * within a few minutes), a large purchase split into several payments, and in-app purchases at a game or app
 * store. They keep the velocity and time-since-last features from separating fraud on their own.
 */
final class GenuineRepeats {

    /** Chance that a payment is declined and retried (a wrong PIN, a 3-D Secure time-out, funds moved in time). */
    private static final double RETRY = 0.03;
    /** Chance that a payment of at least twice the card's median is split into 2 or 3 payments at the till. */
    private static final double SPLIT = 0.15;
    /** Chance that a payment at a game or app store is followed by more small purchases there. */
    private static final double IN_APP = 0.25;

    private GenuineRepeats() {
    }

    /** Logs one genuine payment, possibly as a split, a retried one, or the first of an in-app run. */
    static void pay(CardProfile card, long t, Merchant m, long amount, double lat, double lon, RandomGenerator rnd,
            TransactionLog log) {
        if (amount >= 2 * card.medianAmountMinor() && !m.online() && m.channel() != Channel.ATM
                && rnd.nextDouble() < SPLIT) {
            int parts = 2 + rnd.nextInt(2);
            for (int i = 0; i < parts; i++) {
                log.add(card, t, m, amount / parts, FraudPattern.NONE, lat, lon);
                t += Math.round(Draws.uniform(rnd, 20, 150) * 1000);
            }
            return;
        }
        log.add(card, t, m, amount, FraudPattern.NONE, lat, lon);
        if (rnd.nextDouble() < RETRY) {
            int retries = rnd.nextDouble() < 0.7 ? 1 : 2;
            for (int i = 0; i < retries; i++) {
                t += Math.round(Draws.uniform(rnd, 15, 240) * 1000);
                log.add(card, t, m, amount, FraudPattern.NONE, lat, lon);
            }
        }
        if (MerchantCatalog.isDigital(m) && m.online() && rnd.nextDouble() < IN_APP) {
            int more = 2 + rnd.nextInt(6);
            for (int i = 0; i < more; i++) {
                t += Math.round(Draws.uniform(rnd, 30, 300) * 1000);
                log.add(card, t, m, 99 + 100L * rnd.nextInt(5), FraudPattern.NONE, lat, lon);
            }
        }
    }
}
