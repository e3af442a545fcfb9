package dev.fraudscore.simulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** Draws the cards and their holders' habits. */
final class Population {

    private Population() {
    }

    static List<CardProfile> build(SimulationConfig config, MerchantCatalog catalog, RandomGenerator rnd) {
        List<CardProfile> cards = new ArrayList<>(config.cards());
        for (int i = 0; i < config.cards(); i++) {
            cards.add(card(i, config.days(), catalog, rnd));
        }
        return cards;
    }

    private static CardProfile card(int index, int days, MerchantCatalog catalog, RandomGenerator rnd) {
        Country home = Country.pick(Country.HOME, rnd);
        double median = 100 * StrictMath.exp(2.2 + rnd.nextDouble() * 2.0);
        double sigma = 0.45 + rnd.nextDouble() * 0.45;
        double dailyRate = 0.3 + 2.2 * StrictMath.pow(rnd.nextDouble(), 1.5);
        double from = 5.5 + rnd.nextDouble() * 4;
        double to = rnd.nextDouble() < 0.06 ? 23 + rnd.nextDouble() * 2.5 : 18.5 + rnd.nextDouble() * 4.5;
        double online = 0.08 + rnd.nextDouble() * 0.35;
        double travel = rnd.nextDouble() < 0.3 ? 0.01 + rnd.nextDouble() * 0.02 : rnd.nextDouble() * 0.006;
        List<Merchant> shops = distinct(3 + rnd.nextInt(8), () -> catalog.randomShop(home.code(), rnd));
        List<Merchant> web = distinct(1 + rnd.nextInt(4), () -> catalog.randomOnline(rnd));
        List<CardProfile.Subscription> subscriptions = new ArrayList<>();
        int subscriptionCount = rnd.nextInt(4);
        for (int s = 0; s < subscriptionCount; s++) {
            long amount = 99 + 100L * rnd.nextInt(15);
            subscriptions.add(new CardProfile.Subscription(catalog.randomDigital(rnd), amount, rnd.nextInt(30),
                    rnd.nextDouble() * 6));
        }
        int firstDay = rnd.nextDouble() < 0.75 || days == 1 ? 0 : 1 + rnd.nextInt(days - 1);
        return new CardProfile(String.format("card-%06d", index), String.format("cust-%06d", index), home,
                home.randomLat(rnd), home.randomLon(rnd), median, sigma, dailyRate, from, to, online, travel,
                shops, web, catalog.randomAtm(home.code(), rnd), List.copyOf(subscriptions), firstDay);
    }

    private static List<Merchant> distinct(int n, Supplier<Merchant> draw) {
        Set<Merchant> picked = new LinkedHashSet<>();
        for (int tries = 0; picked.size() < n && tries < n * 5; tries++) {
            picked.add(draw.get());
        }
        return List.copyOf(picked);
    }
}
