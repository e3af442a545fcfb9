package dev.fraudscore.trainer;

import dev.fraudscore.features.FeatureSet;
import dev.fraudscore.simulator.LabelledTransaction;
import dev.fraudscore.simulator.SimulationConfig;
import dev.fraudscore.simulator.Simulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The training rows for a data scientist: simulated like a training run, replayed in time order through
 * the serving feature code, written as CSV ({@code transaction_id, occurred_at, card_key, label}, then
 * one column per feature in manifest order) with a JSON sidecar ({@code <file>.json}) that names the
 * feature set, its fingerprint and inputs, the row count and the trainer's time-split cutoff.
 */
final class FeatureExport {

    static final List<String> FIXED_COLUMNS = List.of("transaction_id", "occurred_at", "card_key", "label");
    /** RFC 3339 in UTC with milliseconds, always the same width. */
    static final DateTimeFormatter OCCURRED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    record Written(Path csv, Path sidecar, int rows, int fraudRows, Instant cutoff) {
    }

    private FeatureExport() {
    }

    /** Where the sidecar of {@code csv} goes: {@code rows.csv} has {@code rows.csv.json}. */
    static Path sidecarOf(Path csv) {
        return csv.resolveSibling(csv.getFileName() + ".json");
    }

    static Written write(TrainingConfig config, Path csv) {
        FeatureSet featureSet = TrainingRun.featureSet(config);
        SimulationConfig simulation = config.simulation();
        List<LabelledTransaction> transactions = Simulator.generate(simulation);
        LabelledRows rows = FeatureReplay.replayWithLabels(transactions, featureSet);
        Instant cutoff = config.evaluationCutoff();
        Path sidecar = sidecarOf(csv);
        try {
            Files.createDirectories(csv.toAbsolutePath().getParent());
            writeCsv(csv, featureSet, transactions, rows);
            JSON.writeValue(sidecar.toFile(), sidecar(config, featureSet, rows, cutoff));
        } catch (IOException | RuntimeException e) {
            throw new TrainingException("cannot write the export " + csv + ": " + e.getMessage(), e);
        }
        return new Written(csv, sidecar, rows.size(), rows.positives(), cutoff);
    }

    private static void writeCsv(Path csv, FeatureSet featureSet, List<LabelledTransaction> transactions,
            LabelledRows rows) throws IOException {
        List<String> header = columns(featureSet);
        try (CsvWriter out = new CsvWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
            out.row(header.toArray(String[]::new));
            String[] fields = new String[header.size()];
            for (int i = 0; i < rows.size(); i++) {
                LabelledTransaction t = transactions.get(i);
                fields[0] = t.transaction().transactionId();
                fields[1] = OCCURRED_AT.format(t.transaction().occurredAt());
                fields[2] = t.transaction().cardKey();
                fields[3] = Integer.toString(t.label());
                float[] values = rows.rows()[i];
                for (int c = 0; c < values.length; c++) {
                    // the shortest decimal that parses back to exactly this float
                    fields[FIXED_COLUMNS.size() + c] = Float.toString(values[c]);
                }
                out.row(fields);
            }
        }
    }

    private static Map<String, Object> sidecar(TrainingConfig config, FeatureSet featureSet, LabelledRows rows,
            Instant cutoff) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("name", featureSet.name());
        set.put("version", featureSet.version());
        set.put("fingerprint", featureSet.fingerprint());
        int firstEval = rows.firstAtOrAfter(cutoff.toEpochMilli());
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("cutoff", cutoff.toString());
        split.put("rule", "occurred_at < cutoff trains, occurred_at >= cutoff evaluates");
        split.put("trainFraction", config.trainFraction());
        split.put("trainRows", firstEval);
        split.put("evalRows", rows.size() - firstEval);
        SimulationConfig simulation = config.simulation();
        Map<String, Object> simulated = new LinkedHashMap<>();
        simulated.put("seed", config.seed());
        simulated.put("cards", config.cards());
        simulated.put("days", config.days());
        simulated.put("start", simulation.start().toString());
        simulated.put("end", simulation.end().toString());
        Map<String, Object> sidecar = new LinkedHashMap<>();
        sidecar.put("featureSet", set);
        sidecar.put("inputs", featureSet.featureNames());
        sidecar.put("columns", columns(featureSet));
        sidecar.put("rows", rows.size());
        sidecar.put("fraudRows", rows.positives());
        sidecar.put("split", split);
        sidecar.put("simulation", simulated);
        return sidecar;
    }

    private static List<String> columns(FeatureSet featureSet) {
        List<String> columns = new ArrayList<>(FIXED_COLUMNS);
        columns.addAll(featureSet.featureNames());
        return columns;
    }
}
