package dev.fraudscore.simulator;

import java.util.List;
import java.util.random.RandomGenerator;

/** Small random draws shared by the behaviour generators. */
final class Draws {

    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;

    private Draws() {
    }

    static double uniform(RandomGenerator rnd, double from, double to) {
        return from + rnd.nextDouble() * (to - from);
    }

    /** Knuth's method: fine for the small means used here. */
    static int poisson(RandomGenerator rnd, double mean) {
        double limit = StrictMath.exp(-mean);
        double product = rnd.nextDouble();
        int n = 0;
        while (product > limit) {
            n++;
            product *= rnd.nextDouble();
        }
        return n;
    }

    /** A log-normal amount around {@code medianMinor}, between 0.50 and 8,000 EUR. */
    static long amount(RandomGenerator rnd, double medianMinor, double sigma) {
        double value = medianMinor * StrictMath.exp(sigma * rnd.nextGaussian());
        return Math.max(50, Math.min(800_000, Math.round(value)));
    }

    /** A cash withdrawal in whole tens of euros. */
    static long cash(RandomGenerator rnd, int minEuros, int maxEuros) {
        int tens = minEuros / 10 + rnd.nextInt((maxEuros - minEuros) / 10 + 1);
        return tens * 10 * 100L;
    }

    static long minutes(RandomGenerator rnd, double from, double to) {
        return Math.round(uniform(rnd, from, to) * MINUTE);
    }

    static <T> T pick(List<T> values, RandomGenerator rnd) {
        return values.get(rnd.nextInt(values.size()));
    }
}
