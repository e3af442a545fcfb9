package dev.fraudscore.simulator;

import dev.fraudscore.features.FeatureTransaction;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The Fraud Detection Handbook's transaction generator (its chapter 3, "simulated dataset"), re-implemented from its
 * description: same distributions and fraud scenarios, our own random numbers.
 *
 * <ul>
 *   <li>Customers at a uniform point of a 100 x 100 grid, with a mean amount uniform in [5, 100], a standard
 *       deviation of half that, and a mean of uniform [0, 4] transactions a day.</li>
 *   <li>Terminals at uniform points of the same grid; a customer pays at the terminals within radius 5, uniformly.</li>
 *   <li>Each day a customer makes Poisson(mean) payments, at a normal time around noon (sd 20,000 s, dropped when
 *       outside the day), of a normal amount (redrawn uniform in [0, 2 mean] when negative).</li>
 *   <li>Scenario 1: every amount above 220 is fraud. Scenario 2: each day 2 random terminals are compromised and all
 *       their payments of the next 28 days are fraud. Scenario 3: each day 3 random customers leak their
 *       credentials; a third of their payments of the next 14 days become fraud with five times the amount.</li>
 * </ul>
 */
public final class HandbookProfile {

    public static final LocalDate DEFAULT_START = LocalDate.of(2018, 4, 1);
    public static final int DEFAULT_CUSTOMERS = 5000;
    public static final int DEFAULT_TERMINALS = 10_000;
    public static final int DEFAULT_DAYS = 183;
    static final double GRID = 100;
    static final double RADIUS = 5;
    static final double LARGE_AMOUNT_CENTS = 22_000;
    static final int TERMINALS_PER_DAY = 2;
    static final int TERMINAL_DAYS = 28;
    static final int CUSTOMERS_PER_DAY = 3;
    static final int CUSTOMER_DAYS = 14;
    private static final int DAY_SECONDS = 86_400;

    private HandbookProfile() {
    }

    /** The generated transactions in time order, with ids {@code 0, 1, ...} as the Handbook numbers them. */
    public static List<LabelledTransaction> generate(long seed, int customers, int terminals, int days,
            LocalDate start) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] terminalAt = new double[terminals][];
        for (int t = 0; t < terminals; t++) {
            terminalAt[t] = new double[] {rnd.nextDouble(GRID), rnd.nextDouble(GRID)};
        }
        Payments p = new Payments();
        for (int c = 0; c < customers; c++) {
            double x = rnd.nextDouble(GRID);
            double y = rnd.nextDouble(GRID);
            double meanCents = rnd.nextDouble(5, 100) * 100;
            double perDay = rnd.nextDouble(0, 4);
            int[] near = within(terminalAt, x, y);
            for (int d = 0; d < days; d++) {
                int n = poisson(rnd, perDay);
                for (int i = 0; i < n; i++) {
                    int second = (int) (DAY_SECONDS / 2.0 + 20_000 * rnd.nextGaussian());
                    double cents = meanCents + meanCents / 2 * rnd.nextGaussian();
                    if (cents < 0) {
                        cents = rnd.nextDouble(0, 2 * meanCents);
                    }
                    // the draws above happen whether or not the payment is kept, as in the Handbook
                    if (second > 0 && second < DAY_SECONDS && near.length > 0) {
                        p.add((long) d * DAY_SECONDS + second, c, near[rnd.nextInt(near.length)], Math.round(cents));
                    }
                }
            }
        }
        Integer[] order = p.timeOrder();
        FraudPattern[] pattern = new FraudPattern[order.length];
        Arrays.fill(pattern, FraudPattern.NONE);
        largeAmounts(p, order, pattern);
        compromisedTerminals(rnd, p, order, pattern, terminals, days);
        compromisedCustomers(rnd, p, order, pattern, customers, days);
        return transactions(p, order, pattern, start.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private static void largeAmounts(Payments p, Integer[] order, FraudPattern[] pattern) {
        for (int i = 0; i < order.length; i++) {
            if (p.cents[order[i]] > LARGE_AMOUNT_CENTS) {
                pattern[i] = FraudPattern.HANDBOOK_LARGE_AMOUNT;
            }
        }
    }

    private static void compromisedTerminals(SplittableRandom rnd, Payments p, Integer[] order,
            FraudPattern[] pattern, int terminals, int days) {
        boolean[][] compromised = new boolean[terminals][days];
        for (int d = 0; d < days; d++) {
            for (int t : sample(rnd, terminals, TERMINALS_PER_DAY)) {
                Arrays.fill(compromised[t], d, Math.min(days, d + TERMINAL_DAYS), true);
            }
        }
        for (int i = 0; i < order.length; i++) {
            int j = order[i];
            if (compromised[p.terminal[j]][(int) (p.seconds[j] / DAY_SECONDS)]) {
                pattern[i] = FraudPattern.HANDBOOK_COMPROMISED_TERMINAL;
            }
        }
    }

    private static void compromisedCustomers(SplittableRandom rnd, Payments p, Integer[] order,
            FraudPattern[] pattern, int customers, int days) {
        List<List<Integer>> byCustomer = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            byCustomer.add(new ArrayList<>());
        }
        for (int i = 0; i < order.length; i++) {
            byCustomer.get(p.customer[order[i]]).add(i);
        }
        for (int d = 0; d < days; d++) {
            for (int c : sample(rnd, customers, CUSTOMERS_PER_DAY)) {
                long from = (long) d * DAY_SECONDS;
                long until = (long) (d + CUSTOMER_DAYS) * DAY_SECONDS;
                List<Integer> window = new ArrayList<>();
                for (int i : byCustomer.get(c)) {
                    long s = p.seconds[order[i]];
                    if (s >= from && s < until) {
                        window.add(i);
                    }
                }
                for (int k : sample(rnd, window.size(), window.size() / 3)) {
                    int i = window.get(k);
                    p.cents[order[i]] *= 5;
                    pattern[i] = FraudPattern.HANDBOOK_COMPROMISED_CUSTOMER;
                }
            }
        }
    }

    private static List<LabelledTransaction> transactions(Payments p, Integer[] order, FraudPattern[] pattern,
            Instant start) {
        String[] customerKeys = new String[p.maxCustomer + 1];
        String[] terminalKeys = new String[p.maxTerminal + 1];
        List<LabelledTransaction> out = new ArrayList<>(order.length);
        for (int i = 0; i < order.length; i++) {
            int j = order[i];
            String customer = key(customerKeys, p.customer[j]);
            FeatureTransaction tx = new FeatureTransaction(Integer.toString(i), start.plusSeconds(p.seconds[j]),
                    p.cents[j], customer, HandbookCsv.COUNTRY, key(terminalKeys, p.terminal[j]),
                    HandbookCsv.MERCHANT_CATEGORY, HandbookCsv.COUNTRY, HandbookCsv.CHANNEL);
            out.add(new LabelledTransaction(tx, customer, pattern[i], 0, 0));
        }
        return out;
    }

    /** One shared string per customer or terminal: 1.7 million transactions hold few distinct keys. */
    private static String key(String[] keys, int id) {
        if (keys[id] == null) {
            keys[id] = Integer.toString(id);
        }
        return keys[id];
    }

    private static int[] within(double[][] terminals, double x, double y) {
        List<Integer> near = new ArrayList<>();
        for (int t = 0; t < terminals.length; t++) {
            double dx = terminals[t][0] - x;
            double dy = terminals[t][1] - y;
            if (dx * dx + dy * dy < RADIUS * RADIUS) {
                near.add(t);
            }
        }
        return near.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Knuth's method: fine for the small means (at most 4) drawn here. */
    static int poisson(SplittableRandom rnd, double mean) {
        double limit = Math.exp(-mean);
        double product = rnd.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= rnd.nextDouble();
            n++;
        }
        return n;
    }

    /** {@code k} distinct values of {@code [0, n)} (a partial Fisher-Yates shuffle). */
    static int[] sample(SplittableRandom rnd, int n, int k) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + rnd.nextInt(n - i);
            int tmp = all[i];
            all[i] = all[j];
            all[j] = tmp;
        }
        return Arrays.copyOf(all, k);
    }

    /** Payments as parallel arrays, in the order drawn; 1.7 million objects would be wasteful here. */
    private static final class Payments {
        long[] seconds = new long[1024];
        int[] customer = new int[1024];
        int[] terminal = new int[1024];
        long[] cents = new long[1024];
        int size;
        int maxCustomer;
        int maxTerminal;

        void add(long second, int c, int t, long amountCents) {
            if (size == seconds.length) {
                seconds = Arrays.copyOf(seconds, size * 2);
                customer = Arrays.copyOf(customer, size * 2);
                terminal = Arrays.copyOf(terminal, size * 2);
                cents = Arrays.copyOf(cents, size * 2);
            }
            seconds[size] = second;
            customer[size] = c;
            terminal[size] = t;
            cents[size] = amountCents;
            maxCustomer = Math.max(maxCustomer, c);
            maxTerminal = Math.max(maxTerminal, t);
            size++;
        }

        /** Indexes by time; equal times keep the order drawn, so the output is reproducible. */
        Integer[] timeOrder() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(seconds[a], seconds[b]));
            return order;
        }
    }
}
