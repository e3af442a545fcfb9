package dev.fraudscore.bench;

import java.util.Arrays;

/** The Prometheus text format of {@code /actuator/prometheus}, read for the few sums the benchmark needs. */
record PrometheusText(String text) {

    static final PrometheusText EMPTY = new PrometheusText("");

    /**
     * The sum over every series of {@code metric} whose labels include each of {@code labels} (written
     * {@code name="value"}); 0 when there is none.
     */
    double sum(String metric, String... labels) {
        double total = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int nameEnd = indexOfAny(line, '{', ' ');
            if (nameEnd < 0 || !line.substring(0, nameEnd).equals(metric)) {
                continue;
            }
            int valueStart = line.lastIndexOf(' ');
            String labelText = line.substring(nameEnd, valueStart);
            if (Arrays.stream(labels).allMatch(labelText::contains)) {
                total += Double.parseDouble(line.substring(valueStart + 1));
            }
        }
        return total;
    }

    private static int indexOfAny(String line, char first, char second) {
        int a = line.indexOf(first);
        int b = line.indexOf(second);
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }
}
