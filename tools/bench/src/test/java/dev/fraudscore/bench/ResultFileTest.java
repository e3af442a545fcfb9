package dev.fraudscore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ResultFileTest {

    @TempDir
    Path temp;

    @Test
    void writesTheResultAsJsonNamedAfterTheBenchmark() {
        HostInfo host = new HostInfo(2, 24_000, "Xeon", "OpenJDK 17", "Linux", "0.50 0.40 0.30");
        CanaryRun run = new CanaryRun(1, 10_000, 10, 1_012, 10.12, 0);
        BenchResult result = new BenchResult("canary", "2026-12-02T04:00:00Z", host, "same host",
                Map.of("keys", 10_000), List.of(run), List.of(new Goal("share near 10 %", "10.12 %", true)));

        Path file = ResultFile.write(temp.resolve("out"), result);

        assertThat(file.getFileName()).hasToString("predict-canary.json");
        JsonNode json = ResultFile.JSON.readTree(file.toFile());
        assertThat(json.get("benchmark").asString()).isEqualTo("canary");
        assertThat(json.get("host").get("cores").asInt()).isEqualTo(2);
        assertThat(json.get("settings").get("keys").asInt()).isEqualTo(10_000);
        assertThat(json.get("runs").get(0).get("canaryShare").asDouble()).isEqualTo(10.12);
        assertThat(json.get("goals").get(0).get("met").asBoolean()).isTrue();
    }
}
