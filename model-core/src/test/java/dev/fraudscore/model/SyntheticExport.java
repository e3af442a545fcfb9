package dev.fraudscore.model;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rows in the layout of the trainer's {@code export} (CSV + {@code <file>.json} sidecar) with a known
 * relation between features and fraud, features on very different scales so normalisation matters.
 * model-core cannot depend on the trainer, so it writes its own.
 */
final class SyntheticExport {

    static final String FINGERPRINT = "0123456789abcdef";

    private SyntheticExport() {
    }

    /** Writes {@code count} rows 200 s apart from {@code start}; returns each row's features by transaction id. */
    static Map<String, float[]> write(Path csv, List<String> inputs, int count, Instant start, Instant cutoff)
            throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        Map<String, float[]> rows = new LinkedHashMap<>();
        int fraud = 0;
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("transaction_id,occurred_at,card_key,label," + String.join(",", inputs) + "\n");
            for (int i = 0; i < count; i++) {
                float[] x = {(float) (3 + 1.5 * gaussian(random)), (float) gaussian(random),
                        (float) (100 + 50 * gaussian(random)), random.nextDouble() < 0.3 ? 1f : 0f,
                        random.nextInt(11), (float) (0.01 * gaussian(random))};
                double logit = -4.5 + 1.2 * (x[0] - 3) + 0.8 * x[1] + 0.02 * (x[2] - 100) + 1.5 * x[3] + 0.3 * (x[4] - 5)
                        + 30 * x[5];
                int label = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
                fraud += label;
                String id = "tx-" + i;
                StringBuilder line = new StringBuilder(id).append(',').append(start.plusSeconds(200L * i)).append(",card-")
                        .append(i % 97).append(',').append(label);
                for (float v : x) {
                    line.append(',').append(v);
                }
                out.write(line.append('\n').toString());
                rows.put(id, x);
            }
        }
        Map<String, Object> sidecar = new LinkedHashMap<>();
        sidecar.put("featureSet", Map.of("name", "parity", "version", 1, "fingerprint", FINGERPRINT));
        sidecar.put("inputs", inputs);
        sidecar.put("rows", count);
        sidecar.put("fraudRows", fraud);
        sidecar.put("split", Map.of("cutoff", cutoff.toString()));
        JsonMapper.builder().build().writeValue(csv.resolveSibling(csv.getFileName() + ".json").toFile(), sidecar);
        return rows;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
