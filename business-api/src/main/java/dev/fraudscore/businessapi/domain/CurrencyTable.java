package dev.fraudscore.businessapi.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Exchange rates to one base currency, and the conversion of an amount into minor units of the base
 * (what feature-service aggregates). A rate is the value of one unit of a currency in units of the base.
 */
public final class CurrencyTable {

    /**
     * Illustrative rates to EUR, good enough to run and test; production configures its own table
     * ({@code fraudscore.api.currency.rates}) and refreshes it with the deploy.
     */
    public static final Map<String, BigDecimal> DEFAULT_RATES_TO_EUR = Map.ofEntries(
            Map.entry("EUR", new BigDecimal("1")),
            Map.entry("USD", new BigDecimal("0.86")),
            Map.entry("GBP", new BigDecimal("1.15")),
            Map.entry("CHF", new BigDecimal("1.07")),
            Map.entry("JPY", new BigDecimal("0.0058")),
            Map.entry("SEK", new BigDecimal("0.090")),
            Map.entry("NOK", new BigDecimal("0.085")),
            Map.entry("DKK", new BigDecimal("0.134")),
            Map.entry("PLN", new BigDecimal("0.235")),
            Map.entry("CZK", new BigDecimal("0.041")),
            Map.entry("CAD", new BigDecimal("0.62")),
            Map.entry("AUD", new BigDecimal("0.56")));

    private final String base;
    private final int baseDigits;
    private final Map<String, BigDecimal> rates;

    /**
     * @param base  ISO 4217 code of the base currency
     * @param rates currency to rate; {@code null} or empty takes {@link #DEFAULT_RATES_TO_EUR}, re-based
     *              onto {@code base} when the base is not EUR
     * @throws IllegalArgumentException with a sentence naming the bad entry
     */
    public CurrencyTable(String base, Map<String, BigDecimal> rates) {
        this.base = requireKnownCode(base, "fraudscore.api.currency.base");
        this.baseDigits = minorDigitsOf(this.base);
        Map<String, BigDecimal> table = new TreeMap<>();
        if (rates == null || rates.isEmpty()) {
            table.putAll(rebasedDefaults(this.base));
        } else {
            rates.forEach((code, rate) -> table.put(
                    requireKnownCode(code.toUpperCase(java.util.Locale.ROOT), "fraudscore.api.currency.rates"),
                    requirePositive(code, rate)));
        }
        BigDecimal baseRate = table.putIfAbsent(this.base, BigDecimal.ONE);
        if (baseRate != null && baseRate.compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalArgumentException("fraudscore.api.currency.rates." + this.base + " must be 1 because "
                    + this.base + " is the base currency, but it is " + baseRate);
        }
        this.rates = Map.copyOf(table);
    }

    public static CurrencyTable defaults() {
        return new CurrencyTable("EUR", null);
    }

    public String base() {
        return base;
    }

    public boolean supports(String code) {
        return rates.containsKey(code);
    }

    /** The supported codes, sorted. */
    public Set<String> supported() {
        return new java.util.TreeSet<>(rates.keySet());
    }

    /** Digits after the decimal point of a supported currency (JPY 0, EUR 2, ...). */
    public int minorDigits(String code) {
        if (!supports(code)) {
            throw new IllegalArgumentException(code + " is not in the rate table");
        }
        return minorDigitsOf(code);
    }

    /**
     * Converts to minor units of the base currency, rounding half-even (banker's rounding, so that
     * rounding errors do not drift one way over many transactions).
     *
     * @throws ArithmeticException when the result does not fit a long
     */
    public long toBaseMinorUnits(BigDecimal amount, String currency) {
        BigDecimal rate = rates.get(currency);
        if (rate == null) {
            throw new IllegalArgumentException(currency + " is not in the rate table");
        }
        return amount.multiply(rate)
                .setScale(baseDigits, RoundingMode.HALF_EVEN)
                .movePointRight(baseDigits)
                .longValueExact();
    }

    private static Map<String, BigDecimal> rebasedDefaults(String base) {
        BigDecimal baseInEur = DEFAULT_RATES_TO_EUR.get(base);
        if (baseInEur == null) {
            throw new IllegalArgumentException("The built-in rate table has no rate for the base currency " + base
                    + "; configure fraudscore.api.currency.rates for it");
        }
        Map<String, BigDecimal> rebased = new TreeMap<>();
        DEFAULT_RATES_TO_EUR.forEach((code, inEur) -> rebased.put(code,
                inEur.divide(baseInEur, MathContext.DECIMAL64).stripTrailingZeros()));
        return rebased;
    }

    private static String requireKnownCode(String code, String property) {
        try {
            Currency.getInstance(code);
            return code;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(property + " holds '" + code + "', which is not an ISO 4217 currency code");
        }
    }

    private static BigDecimal requirePositive(String code, BigDecimal rate) {
        if (rate == null || rate.signum() <= 0) {
            throw new IllegalArgumentException("fraudscore.api.currency.rates." + code + " must be a positive number, but it is " + rate);
        }
        return rate;
    }

    private static int minorDigitsOf(String code) {
        // funds and metals report -1 ("no minor unit"); they are amounts in whole units
        return Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
    }
}
