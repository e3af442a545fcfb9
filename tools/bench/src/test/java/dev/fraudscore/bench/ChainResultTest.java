package dev.fraudscore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ChainResultTest {

    private static final long MS = 1_000_000;

    @TempDir
    Path temp;

    static ChainResult sample() {
        LoadWindow warmup = new LoadWindow(0);
        LoadWindow measured = new LoadWindow(0);
        for (int i = 1; i <= 1_000; i++) {
            measured.answered(i % 100 == 0 ? "degraded" : "answered", i * MS, i * MS + i * 10_000L); // 10 us .. 10 ms
        }
        measured.failed("http 503");
        measured.close(2_000 * MS);
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put("gateway", 0.58321);
        cpu.put("load-generator", 0.1);
        cpu.put("total", 0.68321);
        return ChainResult.of(new ChainResult.Setting("decomposed", "POST http://127.0.0.1:8080/fraud-score", 500, 15,
                2_000, "1.00 0.50 0.25", "2 cores"), new OpenLoopRun.Windows(warmup, measured, 1_003, 2, 3_500_000,
                new Timeline(0, 1_796_000_000.0, 2)), cpu,
                1_685, "1.10 0.60 0.30", Instant.parse("2026-12-06T17:00:00Z"));
    }

    @Test
    void summarisesTheMeasuredWindow() {
        ChainResult result = sample();

        assertThat(result.achievedRate()).isEqualTo(500.0);
        assertThat(result.durationS()).isEqualTo(2.0);
        assertThat(result.requests()).isEqualTo(1_003);
        assertThat(result.errors()).isEqualTo(3);
        assertThat(result.errorKinds()).containsEntry("http 503", 1L).containsEntry("no answer in time", 2L);
        assertThat(result.degraded()).isEqualTo(10);
        assertThat(result.senderLateMaxMs()).isEqualTo(3.5);
        assertThat(result.latencyMs().p50()).isBetween(4.99, 5.01);
        assertThat(result.latencyMs().max()).isBetween(9.99, 10.01);
        assertThat(result.cpuMsPerRequest()).containsEntry("gateway", 0.583);
        // 1,685 ms busy less 0.68321 ms x 1,003 requests = 1,000 ms over 2 s
        assertThat(result.otherCores()).isCloseTo(0.5, org.assertj.core.api.Assertions.within(0.001));
    }

    @Test
    void writesTheMembersTheIssueNamesInSnakeCase() {
        Path file = ResultFile.write(temp.resolve("bench/latest.json"), sample(), ResultFile.SNAKE_JSON);

        JsonNode json = ResultFile.JSON.readTree(file.toFile());
        assertThat(json.propertyNames()).contains("mode", "target_rate", "achieved_rate", "duration_s", "latency_ms",
                "requests", "errors", "degraded", "cpu_ms_per_request");
        assertThat(json.get("mode").asString()).isEqualTo("decomposed");
        assertThat(json.get("target_rate").asDouble()).isEqualTo(500.0);
        assertThat(json.get("latency_ms").propertyNames()).containsExactly("p50", "p99", "p999", "max");
        assertThat(json.get("cpu_ms_per_request").propertyNames()).containsExactly("gateway", "load-generator", "total");
        assertThat(json.get("cpu_ms_per_request").get("total").asDouble()).isEqualTo(0.683);
        assertThat(json.get("per_second").get("start_epoch_s").asDouble()).isEqualTo(1_796_000_000.0);
        assertThat(json.get("per_second").get("seconds").get(1).propertyNames())
                .containsExactly("second", "whole", "degraded", "errors", "max_ms");
    }

    @Test
    void drawsASweepAsAPng() throws Exception {
        ChainResult one = sample();
        Path file = SweepPlot.write(temp.resolve("sweep.png"), SweepPlot.chart(List.of(one, one), "sweep"));

        assertThat(SweepPlot.chart(List.of(one), "t").getSeriesMap()).containsOnlyKeys("p50", "p99", "p99.9");
        byte[] png = java.nio.file.Files.readAllBytes(file);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void reportsTheWindowAsATable() {
        String table = ChainReport.table(List.of(sample()));

        assertThat(table).contains("decomposed", "500", "1003", "gateway", "0.583", "http 503");
    }
}
