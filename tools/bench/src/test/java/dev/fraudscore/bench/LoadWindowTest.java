package dev.fraudscore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadWindowTest {

    private static final long MS = 1_000_000;

    @Test
    void summarisesAnswersFailuresAndVersions() {
        LoadWindow window = new LoadWindow(0);
        for (int i = 1; i <= 100; i++) {
            window.answered(i <= 90 ? "1" : "2", i * MS, i * MS + i * 10_000); // latencies 10 us .. 1 ms
        }
        window.failed("UNAVAILABLE");
        window.failed("UNAVAILABLE");
        window.failed("DEADLINE_EXCEEDED");
        window.close(2_000 * MS);

        LoadWindow.Summary summary = window.summary();

        assertThat(summary.seconds()).isEqualTo(2.0);
        assertThat(summary.ok()).isEqualTo(100);
        assertThat(summary.throughput()).isEqualTo(50.0);
        assertThat(summary.failed()).isEqualTo(3);
        assertThat(summary.failures()).containsExactly(Map.entry("DEADLINE_EXCEEDED", 1L), Map.entry("UNAVAILABLE", 2L));
        assertThat(summary.versions()).containsExactly(Map.entry("1", 90L), Map.entry("2", 10L));
        assertThat(summary.latency().p50Micros()).isBetween(499.0, 501.0);
        assertThat(summary.latency().maxMicros()).isBetween(999.0, 1001.0);
    }

    @Test
    void knowsWhenANewVersionFirstAnsweredAndAnOlderOneLast() {
        LoadWindow window = new LoadWindow(0);
        window.answered("1", 0, 10 * MS);
        window.answered("1", 5 * MS, 30 * MS);
        window.answered("2", 20 * MS, 25 * MS);
        window.answered("2", 40 * MS, 45 * MS);

        assertThat(window.firstAnswerNanos("2")).isEqualTo(25 * MS);
        assertThat(window.lastAnswerOfOthersNanos("2")).isEqualTo(30 * MS);
        assertThat(window.firstAnswerNanos("3")).isEqualTo(-1);
    }
}
