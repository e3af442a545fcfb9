package dev.fraudscore.bench;

import java.util.List;
import java.util.Map;

/**
 * One benchmark's result, as written to {@code predict-<benchmark>.json}.
 *
 * @param setup    where each side ran ("load generator in its own JVM, same host as predict-service")
 * @param settings the options that shaped the measurement
 * @param runs     one record per run, with its numbers
 */
record BenchResult(String benchmark, String measuredAt, HostInfo host, String setup, Map<String, Object> settings,
        List<?> runs, List<Goal> goals) {

    BenchResult {
        settings = Map.copyOf(settings);
        runs = List.copyOf(runs);
        goals = List.copyOf(goals);
    }
}
