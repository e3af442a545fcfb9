package dev.fraudscore.simulator;

import java.util.random.RandomGenerator;

/**
 * A cardholder's genuine payments: mostly at usual shops near home during waking hours, some online,
 * some cash, a few at new merchants, occasional short sprees and trips abroad.
 */
final class NormalSpending {

    private static final double ATM_SHARE = 0.04;
    private static final double USUAL_SHOP = 0.82;
    private static final double USUAL_ONLINE = 0.8;
    private static final double SPREE = 0.06;
    private static final double OFF_HOURS = 0.025;
    /** Chance per day that the holder signs up somewhere new online and the merchant verifies the card. */
    private static final double SIGN_UP = 0.012;

    private final MerchantCatalog catalog;
    private final int days;

    NormalSpending(MerchantCatalog catalog, int days) {
        this.catalog = catalog;
        this.days = days;
    }

    void generate(CardProfile card, RandomGenerator rnd, TransactionLog log) {
        Country trip = null;
        int tripEnd = -1;
        for (int day = card.firstDay(); day < days; day++) {
            if (trip != null && day > tripEnd) {
                trip = null;
            }
            if (trip == null && rnd.nextDouble() < card.travelPerDay()) {
                trip = rnd.nextDouble() < 0.8 ? otherHome(card, rnd) : Country.pick(Country.FAR, rnd);
                tripEnd = day + 1 + rnd.nextInt(6);
            }
            long dayStart = log.startMillis() + day * Draws.DAY;
            for (CardProfile.Subscription s : card.subscriptions()) {
                if (day >= s.firstBillingDay() && (day - s.firstBillingDay()) % 30 == 0) {
                    log.add(card, dayStart + Math.round(s.hour() * Draws.HOUR), s.merchant(), s.amountMinor(),
                            FraudPattern.NONE, card.homeLat(), card.homeLon());
                }
            }
            if (rnd.nextDouble() < SIGN_UP) {
                signUp(card, dayStart + Math.round(hourOfDay(card, rnd) * Draws.HOUR), rnd, log);
            }
            boolean weekend = day % 7 >= 5;
            int n = Draws.poisson(rnd, card.dailyRate() * (weekend ? 1.2 : 1.0));
            for (int i = 0; i < n; i++) {
                long t = dayStart + Math.round((hourOfDay(card, rnd) - hoursAhead(card, trip)) * Draws.HOUR);
                Merchant m = payOnce(card, trip, t, rnd, log);
                if (rnd.nextDouble() < SPREE) {
                    spree(card, trip, m, t, rnd, log);
                }
            }
        }
    }

    /**
     * A new web account: the merchant verifies the card with a tiny charge (what card testing imitates),
     * and the holder often buys something right after.
     */
    private void signUp(CardProfile card, long t, RandomGenerator rnd, TransactionLog log) {
        Merchant web = catalog.randomWebShop(rnd);
        double kind = rnd.nextDouble();
        long verification = kind < 0.5 ? 100 : kind < 0.6 ? 1 : 50 + rnd.nextInt(251);
        log.add(card, t, web, verification, FraudPattern.NONE, card.homeLat(), card.homeLon());
        if (rnd.nextDouble() < 0.5) {
            log.add(card, t + Draws.minutes(rnd, 1, 15), web, onlineAmount(card, web, rnd), FraudPattern.NONE,
                    card.homeLat(), card.homeLon());
        }
    }

    /** A few more payments within the hour: errands in town, or several purchases at one web shop. */
    private void spree(CardProfile card, Country trip, Merchant first, long t, RandomGenerator rnd, TransactionLog log) {
        int more = 1 + rnd.nextInt(3);
        for (int j = 0; j < more; j++) {
            t += Draws.minutes(rnd, 3, 40);
            if (first.online()) {
                log.add(card, t, first, onlineAmount(card, first, rnd), FraudPattern.NONE, card.homeLat(), card.homeLon());
            } else {
                payOnce(card, trip, t, rnd, log);
            }
        }
    }

    private Merchant payOnce(CardProfile card, Country trip, long t, RandomGenerator rnd, TransactionLog log) {
        Country here = trip == null ? card.home() : trip;
        double kind = rnd.nextDouble();
        if (kind < ATM_SHARE) {
            Merchant atm = trip == null && rnd.nextDouble() < 0.8 ? card.homeAtm() : catalog.randomAtm(here.code(), rnd);
            log.addPresent(card, t, atm, Draws.cash(rnd, 20, rnd.nextDouble() < 0.8 ? 100 : 300), FraudPattern.NONE);
            return atm;
        }
        if (kind < ATM_SHARE + card.onlineShare()) {
            Merchant web = rnd.nextDouble() < USUAL_ONLINE ? Draws.pick(card.usualOnline(), rnd) : catalog.randomOnline(rnd);
            double lat = trip == null ? card.homeLat() : here.randomLat(rnd);
            double lon = trip == null ? card.homeLon() : here.randomLon(rnd);
            GenuineRepeats.pay(card, t, web, onlineAmount(card, web, rnd), lat, lon, rnd, log);
            return web;
        }
        Merchant shop = trip == null && rnd.nextDouble() < USUAL_SHOP
                ? Draws.pick(card.usualShops(), rnd) : catalog.randomShop(here.code(), rnd);
        GenuineRepeats.pay(card, t, shop, shopAmount(card, shop, rnd), shop.lat(), shop.lon(), rnd, log);
        return shop;
    }

    private static long onlineAmount(CardProfile card, Merchant web, RandomGenerator rnd) {
        return switch (web.categoryCode()) {
            case "5815", "5816" -> 99 + 100L * rnd.nextInt(10);
            case "4121" -> Draws.amount(rnd, 1800, 0.5);
            case "4722" -> Draws.amount(rnd, card.medianAmountMinor() * 6, 0.6);
            default -> Draws.amount(rnd, card.medianAmountMinor() * 1.3, card.amountSigma());
        };
    }

    private static long shopAmount(CardProfile card, Merchant shop, RandomGenerator rnd) {
        return switch (shop.categoryCode()) {
            case "5541" -> Draws.amount(rnd, 5500, 0.3);
            case "5814" -> Draws.amount(rnd, 1200, 0.4);
            case "5732", "5944" -> Draws.amount(rnd, card.medianAmountMinor() * 3, card.amountSigma());
            default -> Draws.amount(rnd, card.medianAmountMinor(), card.amountSigma());
        };
    }

    private static double hourOfDay(CardProfile card, RandomGenerator rnd) {
        if (rnd.nextDouble() < OFF_HOURS) {
            return rnd.nextDouble() * card.activeFromHour();
        }
        return Draws.uniform(rnd, card.activeFromHour(), card.activeToHour()) % 24;
    }

    /**
     * How many hours the trip's local time is ahead of home (about one per 15 degrees of longitude): the holder keeps
     * local waking hours, so a trip to the Americas pays at night in UTC, as night-time fraud does.
     */
    private static double hoursAhead(CardProfile card, Country trip) {
        return trip == null ? 0 : Math.round((trip.lon() - card.home().lon()) / 15);
    }

    private static Country otherHome(CardProfile card, RandomGenerator rnd) {
        Country c = Country.pick(Country.HOME, rnd);
        while (c.equals(card.home())) {
            c = Country.pick(Country.HOME, rnd);
        }
        return c;
    }
}
