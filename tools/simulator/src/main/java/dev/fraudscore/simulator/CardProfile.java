package dev.fraudscore.simulator;

import java.util.List;

/**
 * A simulated card and its holder's habits.
 *
 * @param medianAmountMinor the median of the holder's everyday payments, in EUR cents
 * @param amountSigma spread of the log-normal amount distribution
 * @param dailyRate mean number of payments per day
 * @param activeFromHour first UTC hour the holder usually pays at
 * @param activeToHour last UTC hour (may pass 24: a night owl)
 * @param onlineShare share of payments made online
 * @param travelPerDay chance per day to start a trip abroad
 * @param subscriptions monthly charges the card pays without its holder doing anything
 * @param firstDay the day the card is first used (new cards join during the run)
 */
record CardProfile(
        String cardKey,
        String customerId,
        Country home,
        double homeLat,
        double homeLon,
        double medianAmountMinor,
        double amountSigma,
        double dailyRate,
        double activeFromHour,
        double activeToHour,
        double onlineShare,
        double travelPerDay,
        List<Merchant> usualShops,
        List<Merchant> usualOnline,
        Merchant homeAtm,
        List<Subscription> subscriptions,
        int firstDay) {

    /** Billed every 30 days from {@code firstBillingDay}, at a fixed UTC hour (billing runs go at night). */
    record Subscription(Merchant merchant, long amountMinor, int firstBillingDay, double hour) {
    }

    boolean isUsual(Merchant m) {
        return usualShops.contains(m) || usualOnline.contains(m) || homeAtm.equals(m)
                || subscriptions.stream().anyMatch(s -> s.merchant().equals(m));
    }
}
