package dev.fraudscore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    @Test
    void groupsNumberedThreadsByTheirNameWithoutDigits() {
        assertThat(ThreadCpu.group("17 (grpc-default-wo) S 1 2 3")).isEqualTo("grpc-default-wo");
        assertThat(ThreadCpu.group("18 (GC Thread#1) S 1 2 3")).isEqualTo("GC Thread##");
        assertThat(ThreadCpu.group("19 (C2 CompilerThre) S 1 2 3")).isEqualTo("C# CompilerThre");
    }

    @Test
    void reportsEachGroupsShareOfACoreLargestFirstLeavingOutTheIdle() {
        Map<String, Long> before = Map.of("batcher fraud-m", 100L, "grpc-default-ex", 50L, "idle", 7L);
        Map<String, Long> after = Map.of("batcher fraud-m", 300L, "grpc-default-ex", 1050L, "idle", 7L, "new", 110L);

        Map<String, Double> percent = ThreadCpu.coresPercent(before, after, 10);

        // 1000 ticks in 10 s at 100 ticks/s is one core all the time
        assertThat(percent).containsExactly(Map.entry("grpc-default-ex", 100.0), Map.entry("batcher fraud-m", 20.0),
                Map.entry("new", 11.0));
    }
}
