package dev.fraudscore.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.simulator.HandbookCsv;
import dev.fraudscore.simulator.HandbookProfile;
import dev.fraudscore.simulator.LabelledTransaction;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SplitRunTest {

    @TempDir
    Path dir;

    private Path handbookCsv() throws Exception {
        List<LabelledTransaction> history = HandbookProfile.generate(5, 150, 300, 20, LocalDate.of(2018, 4, 1));
        Path csv = dir.resolve("tx.csv");
        try (Writer w = Files.newBufferedWriter(csv)) {
            HandbookCsv.write(history, Instant.parse("2018-04-01T00:00:00Z"), w);
        }
        return csv;
    }

    @Test
    void foldsWriteTheMlpMetricsTheBaselineAndEachFold() throws Exception {
        Path csv = handbookCsv();
        Path report = dir.resolve("report");
        int exit = new CommandLine(new TrainerCommand()).execute("--input", csv.toString(), "--input-format",
                "handbook", "--feature-set", "fraud_v2", "--start", "2018-04-05", "--train-days", "4",
                "--delay-days", "2", "--test-days", "3", "--folds", "2", "--epochs", "2", "--small",
                "--report-dir", report.toString(), "--quiet");
        assertThat(exit).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(report.resolve("evaluation.json").toFile());
        assertThat(json.path("featureSet").asString()).isEqualTo("fraud_v2");
        for (String metric : List.of("average_precision", "roc_auc", "card_precision_at_100", "recall_at_1pct_fpr")) {
            assertThat(json.path("metrics").path(metric).asDouble(-1)).as(metric).isBetween(0.0, 1.0);
            assertThat(json.path("baseline").path("metrics").path(metric).asDouble(-1)).as(metric).isBetween(0.0, 1.0);
        }
        assertThat(json.path("baseline").path("model").asString()).isEqualTo("logistic_regression");
        JsonNode folds = json.path("folds");
        assertThat(folds.size()).isEqualTo(2);
        assertThat(folds.get(1).path("trainFrom").asString()).isEqualTo("2018-04-08T00:00:00Z");
        assertThat(folds.get(1).path("testFrom").asString()).isEqualTo("2018-04-14T00:00:00Z");
        double meanAp = (folds.get(0).path("metrics").path("average_precision").asDouble()
                + folds.get(1).path("metrics").path("average_precision").asDouble()) / 2;
        assertThat(json.path("metrics").path("average_precision").asDouble()).isEqualTo(meanAp);
    }

    @Test
    void theReportSaysHowTheMlpWasTrainedAnEnsembleIncluded() throws Exception {
        Path csv = handbookCsv();
        Path report = dir.resolve("ensemble");
        int exit = new CommandLine(new TrainerCommand()).execute("--input", csv.toString(), "--start", "2018-04-05",
                "--train-days", "4", "--delay-days", "2", "--test-days", "3", "--epochs", "2", "--small",
                "--hidden", "8,4", "--members", "3", "--dropout", "0.25", "--report-dir", report.toString(), "--quiet");
        assertThat(exit).isZero();
        JsonNode training = JsonMapper.builder().build().readTree(report.resolve("evaluation.json").toFile())
                .path("training");
        assertThat(training.path("hidden").toString()).isEqualTo("[8,4]");
        assertThat(training.path("members").asInt()).isEqualTo(3);
        assertThat(training.path("dropout").asDouble()).isEqualTo(0.25);
        assertThat(training.path("epochs").asInt()).isEqualTo(2);
    }

    @Test
    void aRefitScoresTheTestDaysWithAModelOfTheWholeTrainingPeriodAtTheFirstModelsThreshold() throws Exception {
        Path csv = handbookCsv();
        JsonNode once = evaluate(csv, "once");
        JsonNode refit = evaluate(csv, "refit", "--refit");

        assertThat(once.path("split").path("refit").asBoolean()).isFalse();
        assertThat(refit.path("split").path("refit").asBoolean()).isTrue();
        for (JsonNode[] pair : List.of(new JsonNode[] {once.path("metrics"), refit.path("metrics")},
                new JsonNode[] {once.path("baseline").path("metrics"), refit.path("baseline").path("metrics")})) {
            // the same first model (same rows, same seed) chose the threshold; another model scored the test days
            assertThat(pair[1].path("threshold_at_1pct_validation_fpr").asDouble())
                    .isEqualTo(pair[0].path("threshold_at_1pct_validation_fpr").asDouble());
            assertThat(pair[1].path("roc_auc").asDouble()).isNotEqualTo(pair[0].path("roc_auc").asDouble());
        }
    }

    private JsonNode evaluate(Path csv, String name, String... more) {
        Path report = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("--input", csv.toString(), "--start", "2018-04-05",
                "--train-days", "4", "--delay-days", "2", "--test-days", "3", "--epochs", "2", "--small",
                "--report-dir", report.toString(), "--quiet"));
        args.addAll(List.of(more));
        assertThat(new CommandLine(new TrainerCommand()).execute(args.toArray(String[]::new))).isZero();
        return JsonMapper.builder().build().readTree(report.resolve("evaluation.json").toFile());
    }

    @Test
    void anEnsembleOfNoNetworkIsRefusedWithASentence() {
        assertThatThrownBy(() -> TrainingConfig.small(dir).withEnsemble(0, 0f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("members must lie in [1, 16], got 0");
        assertThatThrownBy(() -> TrainingConfig.small(dir).withEnsemble(2, 1f))
                .hasMessage("dropout must lie in [0, 1), got 1.0");
    }

    @Test
    void badInputIsARefusalNamingRowAndField() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "TRANSACTION_ID,TX_DATETIME,CUSTOMER_ID,TERMINAL_ID,TX_AMOUNT,TX_FRAUD\n"
                + "0,2018-04-01 00:00:31,1,2,x,0\n");
        assertThatThrownBy(() -> HistoryFormat.HANDBOOK.read(csv))
                .isInstanceOf(TrainingException.class)
                .hasMessageContaining("bad.csv row 1, field TX_AMOUNT");
    }

    @Test
    void aSplitOutsideTheDataSaysWhichPeriodIsEmpty() throws Exception {
        Path csv = handbookCsv();
        TimeSplit split = new TimeSplit(LocalDate.of(2018, 4, 15), 4, 2, 3, 1, 1);
        List<LabelledTransaction> history = HistoryFormat.HANDBOOK.read(csv);
        assertThatThrownBy(() -> SplitRun.execute(TrainingConfig.small(dir), csv, history, split,
                System.out)).isInstanceOf(TrainingException.class).hasMessageContaining("the test period");
    }
}
