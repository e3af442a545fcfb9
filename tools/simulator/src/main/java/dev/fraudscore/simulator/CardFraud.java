package dev.fraudscore.simulator;

import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;

/** Injects the fraud patterns that hit one card at a time, each starting on a day with its own rate. */
final class CardFraud {

    private final MerchantCatalog catalog;
    private final FraudRates rates;
    private final int days;

    CardFraud(MerchantCatalog catalog, FraudRates rates, int days) {
        this.catalog = catalog;
        this.rates = rates;
        this.days = days;
    }

    void inject(CardProfile card, RandomGenerator rnd, TransactionLog log) {
        for (int day = card.firstDay(); day < days; day++) {
            long dayStart = log.startMillis() + day * Draws.DAY;
            if (rnd.nextDouble() < rates.cardTesting()) {
                cardTesting(card, dayStart + (long) (rnd.nextDouble() * Draws.DAY), rnd, log);
            }
            if (rnd.nextDouble() < rates.highAmountNewMerchant()) {
                highAmount(card, dayStart + awakeMillis(card, rnd), rnd, log);
            }
            if (rnd.nextDouble() < rates.nightTime()) {
                nightTime(card, dayStart + Math.round(Draws.uniform(rnd, 0.3, 3.5) * Draws.HOUR), rnd, log);
            }
            if (rnd.nextDouble() < rates.accountTakeover()) {
                accountTakeover(card, dayStart + awakeMillis(card, rnd), rnd, log);
            }
            if (rnd.nextDouble() < rates.habitMimicry()) {
                habitMimicry(card, dayStart, rnd, log);
            }
        }
    }

    /** Two to five web payments over one or two days, each at a waking hour, sized like the holder's own. */
    private void habitMimicry(CardProfile card, long dayStart, RandomGenerator rnd, TransactionLog log) {
        int n = 2 + rnd.nextInt(4);
        int days = 1 + rnd.nextInt(2);
        for (int i = 0; i < n; i++) {
            long t = dayStart + rnd.nextInt(days) * Draws.DAY + awakeMillis(card, rnd);
            Merchant m = catalog.randomWebShop(rnd);
            long amount = Draws.amount(rnd, card.medianAmountMinor() * Draws.uniform(rnd, 1, 2.5), card.amountSigma());
            log.add(card, t, m, amount, FraudPattern.HABIT_MIMICRY, card.homeLat(), card.homeLon());
        }
    }

    /** A bot probes the card with tiny web payments at shops it never used, then sometimes cashes out. */
    private void cardTesting(CardProfile card, long t, RandomGenerator rnd, TransactionLog log) {
        Country from = rnd.nextDouble() < 0.5 ? Country.pick(Country.FAR, rnd) : Country.pick(Country.HOME, rnd);
        double lat = from.randomLat(rnd);
        double lon = from.randomLon(rnd);
        Set<Merchant> used = new HashSet<>(card.usualOnline());
        int probes = 6 + rnd.nextInt(10);
        for (int i = 0; i < probes; i++) {
            Merchant m = newWebShop(used, rnd);
            long amount = rnd.nextDouble() < 0.4 ? 100L * (1 + rnd.nextInt(5)) : 50 + rnd.nextInt(451);
            log.add(card, t, m, amount, FraudPattern.CARD_TESTING, lat, lon);
            t += Math.round(Draws.uniform(rnd, 8, 90) * 1000);
        }
        if (rnd.nextDouble() < 0.5) {
            int cashOuts = 1 + rnd.nextInt(3);
            for (int i = 0; i < cashOuts; i++) {
                t += Draws.minutes(rnd, 2, 30);
                log.add(card, t, newWebShop(used, rnd), Draws.amount(rnd, 30_000, 0.6), FraudPattern.CARD_TESTING, lat, lon);
            }
        }
    }

    /** One or two big purchases at merchants the card never used, online or in a shop at home. */
    private void highAmount(CardProfile card, long t, RandomGenerator rnd, TransactionLog log) {
        int n = rnd.nextDouble() < 0.7 ? 1 : 2;
        for (int i = 0; i < n; i++) {
            long amount = Math.min(600_000, Math.max(25_000,
                    Math.round(card.medianAmountMinor() * Draws.uniform(rnd, 8, 30))));
            if (rnd.nextDouble() < 0.55) {
                Merchant m = catalog.randomOnline(rnd);
                while (card.isUsual(m)) {
                    m = catalog.randomOnline(rnd);
                }
                log.add(card, t, m, amount, FraudPattern.HIGH_AMOUNT_NEW_MERCHANT, card.homeLat(), card.homeLon());
            } else {
                Merchant m = catalog.randomShop(card.home().code(), rnd);
                while (card.isUsual(m)) {
                    m = catalog.randomShop(card.home().code(), rnd);
                }
                log.addPresent(card, t, m, amount, FraudPattern.HIGH_AMOUNT_NEW_MERCHANT);
            }
            t += Draws.minutes(rnd, 5, 60);
        }
    }

    /** Payments while the holder sleeps, mostly abroad: shops, cash, web. */
    private void nightTime(CardProfile card, long t, RandomGenerator rnd, TransactionLog log) {
        boolean abroad = rnd.nextDouble() < 0.7;
        Country where = !abroad ? card.home()
                : rnd.nextDouble() < 0.5 ? Country.pick(Country.FAR, rnd) : Country.pick(Country.HOME, rnd);
        int n = 2 + rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            double kind = rnd.nextDouble();
            if (kind < 0.3) {
                log.addPresent(card, t, catalog.randomAtm(where.code(), rnd), Draws.cash(rnd, 100, 500), FraudPattern.NIGHT_TIME);
            } else if (kind < 0.7) {
                long amount = Math.round(card.medianAmountMinor() * Draws.uniform(rnd, 1.5, 6));
                log.addPresent(card, t, catalog.randomShop(where.code(), rnd), amount, FraudPattern.NIGHT_TIME);
            } else {
                long amount = Math.round(card.medianAmountMinor() * Draws.uniform(rnd, 1.5, 6));
                log.add(card, t, catalog.randomOnline(rnd), amount, FraudPattern.NIGHT_TIME,
                        where.randomLat(rnd), where.randomLon(rnd));
            }
            t += Draws.minutes(rnd, 3, 40);
        }
    }

    /** A genuine payment at home, then within the next two hours payments from far away. */
    private void accountTakeover(CardProfile card, long t, RandomGenerator rnd, TransactionLog log) {
        Merchant usual = Draws.pick(card.usualShops(), rnd);
        log.addPresent(card, t, usual, Draws.amount(rnd, card.medianAmountMinor(), card.amountSigma()), FraudPattern.NONE);
        Country far = rnd.nextDouble() < 0.8 ? Country.pick(Country.FAR, rnd) : Country.pick(Country.HOME, rnd);
        if (far.equals(card.home())) {
            far = Country.pick(Country.FAR, rnd);
        }
        t += Draws.minutes(rnd, 10, 120);
        int n = 2 + rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (rnd.nextDouble() < 0.35) {
                log.addPresent(card, t, catalog.randomAtm(far.code(), rnd), Draws.cash(rnd, 200, 600), FraudPattern.ACCOUNT_TAKEOVER);
            } else {
                long amount = Math.round(card.medianAmountMinor() * Draws.uniform(rnd, 3, 12));
                log.addPresent(card, t, catalog.randomShop(far.code(), rnd), amount, FraudPattern.ACCOUNT_TAKEOVER);
            }
            t += Draws.minutes(rnd, 5, 45);
        }
    }

    private Merchant newWebShop(Set<Merchant> used, RandomGenerator rnd) {
        Merchant m = catalog.randomWebShop(rnd);
        for (int tries = 0; used.contains(m) && tries < 20; tries++) {
            m = catalog.randomWebShop(rnd);
        }
        used.add(m);
        return m;
    }

    private static long awakeMillis(CardProfile card, RandomGenerator rnd) {
        double hour = Draws.uniform(rnd, card.activeFromHour(), Math.min(23.9, card.activeToHour()));
        return Math.round(hour * Draws.HOUR);
    }
}
