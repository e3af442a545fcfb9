package dev.fraudscore.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.features.FraudV1;
import dev.fraudscore.simulator.LabelledTransaction;
import dev.fraudscore.simulator.Simulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code trainer export}: the rows a data scientist trains on are the rows the Java trainer trains on. */
class FeatureExportTest {

    @TempDir
    Path dir;

    @Test
    void exportsTheReplayedFeatureRowsWithASidecar() throws IOException {
        Path csv = dir.resolve("out/rows.csv");
        int exit = new CommandLine(new TrainerCommand())
                .execute("export", "--out", csv.toString(), "--small", "--cards", "300", "--days", "7");
        assertThat(exit).isZero();

        TrainingConfig config = TrainingConfig.small(dir).withData(300, 7);
        List<LabelledTransaction> transactions = Simulator.generate(config.simulation());
        LabelledRows replayed = FeatureReplay.replay(transactions, new FraudV1());
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = new ArrayList<>(List.of("transaction_id", "occurred_at", "card_key", "label"));
        header.addAll(new FraudV1().featureNames());
        assertThat(lines.get(0)).isEqualTo(String.join(",", header));
        assertThat(lines).hasSize(replayed.size() + 1);
        assertThat(replayed.size()).isGreaterThan(1000);
        assertThat(replayed.positives()).as("fraud rows, so both labels are exported").isPositive();
        for (int i = 0; i < replayed.size(); i++) {
            String[] fields = lines.get(i + 1).split(",", -1);
            LabelledTransaction t = transactions.get(i);
            assertThat(fields[0]).isEqualTo(t.transaction().transactionId());
            assertThat(Instant.parse(fields[1])).isEqualTo(t.transaction().occurredAt());
            assertThat(fields[2]).isEqualTo(t.transaction().cardKey());
            assertThat(fields[3]).isEqualTo(String.valueOf(t.label()));
            float[] values = new float[fields.length - 4];
            for (int c = 0; c < values.length; c++) {
                values[c] = Float.parseFloat(fields[c + 4]);
            }
            assertThat(values).as("features of row %d", i).containsExactly(replayed.rows()[i]);
        }

        JsonNode sidecar = JsonMapper.builder().build().readTree(dir.resolve("out/rows.csv.json").toFile());
        FraudV1 features = new FraudV1();
        assertThat(sidecar.path("featureSet").path("name").asString()).isEqualTo("fraud");
        assertThat(sidecar.path("featureSet").path("version").asInt()).isEqualTo(1);
        assertThat(sidecar.path("featureSet").path("fingerprint").asString()).isEqualTo(features.fingerprint());
        assertThat(sidecar.path("inputs").values().stream().map(JsonNode::asString).toList()).isEqualTo(features.featureNames());
        assertThat(sidecar.path("rows").asInt()).isEqualTo(replayed.size());
        assertThat(sidecar.path("fraudRows").asInt()).isEqualTo(replayed.positives());
        Instant cutoff = Instant.parse(sidecar.path("split").path("cutoff").asString());
        assertThat(cutoff).isEqualTo(Instant.parse("2025-01-12T00:00:00Z")).isEqualTo(config.evaluationCutoff());
        assertThat(sidecar.path("split").path("trainRows").asInt()).isEqualTo(replayed.firstAtOrAfter(cutoff.toEpochMilli()));
    }

    @Test
    void exportNeedsAnOutputFile() {
        int exit = new CommandLine(new TrainerCommand()).execute("export", "--small");
        assertThat(exit).isEqualTo(2);
    }

    @Test
    void quotesOnlyFieldsThatNeedIt() {
        assertThat(CsvWriter.quoted("tx-1_a")).isEqualTo("tx-1_a");
        assertThat(CsvWriter.quoted("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvWriter.quoted("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    }
}
