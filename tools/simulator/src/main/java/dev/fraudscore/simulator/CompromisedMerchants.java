package dev.fraudscore.simulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Breached shops: card data taken at a shop during a breach week is used days later for web payments.
 * Runs after the genuine payments exist, since it needs to know who paid where.
 */
final class CompromisedMerchants {

    private static final long BREACH = 7 * Draws.DAY;
    private static final double VICTIM_SHARE = 0.6;

    private CompromisedMerchants() {
    }

    static void inject(SimulationConfig config, MerchantCatalog catalog, TransactionLog log, RandomGenerator rnd) {
        List<TransactionLog.Draft> shopPayments = log.drafts().stream()
                .filter(d -> !d.pattern().isFraud() && !d.merchant().online())
                .toList();
        if (shopPayments.isEmpty()) {
            return;
        }
        int breaches = (int) Math.round(config.cards() * config.rates().compromisedMerchantsPerThousandCards() / 1000.0);
        long latestBreach = log.startMillis() + Math.round(config.days() * 0.75 * Draws.DAY);
        for (int b = 0; b < breaches; b++) {
            TransactionLog.Draft seed = Draws.pick(shopPayments, rnd);
            long from = Math.min(seed.millis(), latestBreach) - BREACH / 2;
            Set<CardProfile> victims = new LinkedHashSet<>();
            for (TransactionLog.Draft d : shopPayments) {
                if (d.merchant().equals(seed.merchant()) && d.millis() >= from && d.millis() < from + BREACH) {
                    victims.add(d.card());
                }
            }
            for (CardProfile card : new ArrayList<>(victims)) {
                if (rnd.nextDouble() < VICTIM_SHARE) {
                    misuse(card, from + BREACH + Draws.minutes(rnd, 0, 9 * 24 * 60), catalog, log, rnd);
                }
            }
        }
    }

    private static void misuse(CardProfile card, long t, MerchantCatalog catalog, TransactionLog log, RandomGenerator rnd) {
        Country from = rnd.nextDouble() < 0.6 ? Country.pick(Country.FAR, rnd) : Country.pick(Country.HOME, rnd);
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            Merchant m = catalog.randomOnline(rnd);
            while (card.isUsual(m)) {
                m = catalog.randomOnline(rnd);
            }
            long amount = Math.max(3_000, Math.round(card.medianAmountMinor() * Draws.uniform(rnd, 2, 10)));
            log.add(card, t, m, amount, FraudPattern.COMPROMISED_MERCHANT, from.randomLat(rnd), from.randomLon(rnd));
            t += Draws.minutes(rnd, 2, 90);
        }
    }
}
