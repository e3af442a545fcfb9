package dev.fraudscore.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuAttributionTest {

    @Test
    void dividesEachProcessesCpuOverTheWindowByItsRequestsAndAddsThemUp() {
        Map<String, Long> before = new LinkedHashMap<>();
        before.put("gateway", 10_000L);
        before.put("business-api", 20_000L);
        before.put("load-generator", 500L);
        Map<String, Long> after = new LinkedHashMap<>();
        after.put("gateway", 13_000L);
        after.put("business-api", 26_000L);
        after.put("load-generator", 2_000L);

        Map<String, Double> perRequest = CpuAttribution.perRequestMillis(before, after, 6_000);

        assertThat(perRequest).containsOnlyKeys("gateway", "business-api", "load-generator", "total");
        assertThat(perRequest.get("gateway")).isCloseTo(0.5, within(1e-9));
        assertThat(perRequest.get("business-api")).isCloseTo(1.0, within(1e-9));
        assertThat(perRequest.get("load-generator")).isCloseTo(0.25, within(1e-9));
        assertThat(perRequest.get("total")).isCloseTo(1.75, within(1e-9));
    }

    @Test
    void leavesOutAProcessMissingFromEitherSnapshot() {
        Map<String, Double> perRequest = CpuAttribution.perRequestMillis(Map.of("redis", 100L),
                Map.of("redis", 300L, "predict-service", 5_000L), 100);

        assertThat(perRequest).containsOnlyKeys("redis", "total");
        assertThat(perRequest.get("total")).isEqualTo(2.0);
    }

    @Test
    void readsALiveProcessAndLeavesOutOneThatIsGone() {
        long self = ProcessHandle.current().pid();
        long before = ProcStats.cpuTime(self).toMillis();

        Map<String, Long> snapshot = CpuAttribution.snapshot(Map.of("self", self, "gone", Long.MAX_VALUE / 2));

        assertThat(snapshot).containsOnlyKeys("self");
        assertThat(snapshot.get("self")).isGreaterThanOrEqualTo(before).isPositive();
    }
}
