package dev.fraudscore.trainer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Fraud Detection Handbook's daily card precision top-k: each day, a card scores its highest transaction score
 * and is compromised when any of its transactions that day is fraud; the share of compromised cards among the
 * {@code k} highest-scoring cards is that day's precision (divided by {@code k}, as the Handbook does), and the
 * metric is the mean over days. A card found compromised among the top k is blocked, so it leaves the following days.
 */
final class CardPrecision {

    private static final long DAY_MILLIS = 86_400_000L;

    private CardPrecision() {
    }

    static double atK(float[] scores, float[] labels, long[] millis, String[] cards, int k) {
        Map<Long, Map<String, float[]>> byDay = new TreeMap<>();
        for (int i = 0; i < scores.length; i++) {
            float[] card = byDay.computeIfAbsent(Math.floorDiv(millis[i], DAY_MILLIS), d -> new HashMap<>())
                    .computeIfAbsent(cards[i], c -> new float[] {Float.NEGATIVE_INFINITY, 0f});
            card[0] = Math.max(card[0], scores[i]);
            card[1] = Math.max(card[1], labels[i]);
        }
        if (byDay.isEmpty()) {
            throw new IllegalArgumentException("card precision needs at least one day of transactions");
        }
        Set<String> blocked = new HashSet<>();
        double sum = 0;
        for (Map<String, float[]> day : byDay.values()) {
            List<Map.Entry<String, float[]>> ranked = new ArrayList<>();
            for (Map.Entry<String, float[]> e : day.entrySet()) {
                if (!blocked.contains(e.getKey())) {
                    ranked.add(e);
                }
            }
            // ties broken by card key, so the metric does not depend on hash order
            ranked.sort((a, b) -> a.getValue()[0] != b.getValue()[0]
                    ? Float.compare(b.getValue()[0], a.getValue()[0]) : a.getKey().compareTo(b.getKey()));
            int found = 0;
            for (Map.Entry<String, float[]> e : ranked.subList(0, Math.min(k, ranked.size()))) {
                if (e.getValue()[1] > 0.5f) {
                    found++;
                    blocked.add(e.getKey());
                }
            }
            sum += found / (double) k;
        }
        return sum / byDay.size();
    }
}
