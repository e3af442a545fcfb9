package dev.fraudscore.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulatorCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTheSimulationAsJsonLines() throws Exception {
        Path out = dir.resolve("tx.jsonl");
        int exit = new CommandLine(new SimulatorCommand()).execute("--seed", "3", "--cards", "50", "--days", "5",
                "--start", "2025-06-02T00:00:00Z", "--out", out.toString());
        assertThat(exit).isZero();
        List<String> lines = Files.readAllLines(out);
        List<LabelledTransaction> expected = Simulator.generate(new SimulationConfig(3, 50, 5,
                Instant.parse("2025-06-02T00:00:00Z"), FraudRates.DEFAULT));
        assertThat(lines).hasSize(expected.size());
        assertThat(lines.get(0)).contains("\"transactionId\":\"" + expected.get(0).transaction().transactionId() + "\"")
                .contains("\"occurredAt\":\"2025-06-02T");
    }
}
