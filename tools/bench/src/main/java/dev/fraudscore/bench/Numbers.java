package dev.fraudscore.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Formatting and the spread of a measurement over runs, for tables and sentences. */
final class Numbers {

    private Numbers() {
    }

    static String f0(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String f1(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String f2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static <T> double mean(List<T> runs, ToDoubleFunction<T> value) {
        return runs.stream().mapToDouble(value).average().orElse(Double.NaN);
    }

    /** "1,234–1,456" over the runs ("1,234" for one run), with {@code format} applied to each end. */
    static <T> String range(List<T> runs, ToDoubleFunction<T> value, java.util.function.DoubleFunction<String> format) {
        double min = runs.stream().mapToDouble(value).min().orElse(Double.NaN);
        double max = runs.stream().mapToDouble(value).max().orElse(Double.NaN);
        return min == max ? format.apply(min) : format.apply(min) + "–" + format.apply(max);
    }
}
