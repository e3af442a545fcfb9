package dev.fraudscore.trainer;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How well each feature alone ranks the test rows: its average precision as a score, in the better of the two
 * directions (a high value or a low value meaning fraud). A data set where one feature comes close to the model's
 * average precision tests little more than that feature.
 */
final class SingleFeatures {

    private SingleFeatures() {
    }

    /** Average precision of each feature alone, by name, strongest first. */
    static Map<String, Double> averagePrecision(List<String> names, LabelledRows rows) {
        int n = rows.size();
        Map<String, Double> byName = new LinkedHashMap<>();
        for (int f = 0; f < names.size(); f++) {
            float[] up = new float[n];
            float[] down = new float[n];
            for (int i = 0; i < n; i++) {
                up[i] = rows.rows()[i][f];
                down[i] = -up[i];
            }
            double ap = Math.max(BinaryMetrics.averagePrecision(up, rows.labels()),
                    BinaryMetrics.averagePrecision(down, rows.labels()));
            byName.put(names.get(f), Math.round(ap * 10_000) / 10_000.0);
        }
        Map<String, Double> sorted = new LinkedHashMap<>();
        byName.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
