package dev.fraudscore.predictservice;

import java.util.Arrays;

/** Reads samples out of the Prometheus text format. */
public final class Prometheus {

    private Prometheus() {
    }

    /**
     * The sum of the samples of {@code name} that carry every one of {@code labels} ({@code model="x"}), 0 when none.
     */
    public static double sum(String text, String name, String... labels) {
        return text.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(label -> labelsOf(line).contains(label)))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static String labelsOf(String line) {
        int open = line.indexOf('{');
        return open < 0 ? "" : line.substring(open, line.lastIndexOf('}') + 1);
    }
}
