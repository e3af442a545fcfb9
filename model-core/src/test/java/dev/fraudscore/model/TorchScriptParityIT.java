package dev.fraudscore.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import dev.fraudscore.testsupport.PythonWithTorch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data scientist's path end to end: rows as the trainer exports them, the PyTorch script trains and
 * saves TorchScript (plain and in a TorchServe archive) with PyTorch's own scores of some rows, and DJL
 * scores the same rows the same way.
 */
class TorchScriptParityIT {

    private static final float TOLERANCE = 1e-5f;
    private static final Instant T0 = Instant.parse("2025-01-06T00:00:00Z");
    private static final List<String> INPUTS = List.of("amount_log1p", "z_score", "big_scale", "cross_border",
            "count_1h", "tiny_scale");

    @TempDir
    static Path work;

    static PythonWithTorch python;
    static Map<String, float[]> rowsById;
    static ModelRepository repository;

    @BeforeAll
    static void trainWithPyTorch() throws IOException {
        python = PythonWithTorch.locate();
        rowsById = SyntheticExport.write(work.resolve("rows.csv"), INPUTS, 4000, T0, T0.plus(Duration.ofDays(7)));
        repository = new ModelRepository(work.resolve("models"));
        train("1", "--normalization", "manifest", "--output", "probability");
        train("2", "--mar");
    }

    private static void train(String version, String... options) {
        List<String> args = new ArrayList<>(List.of(PythonWithTorch.script().toString(), "--data", "rows.csv",
                "--models-dir", "models", "--name", "parity", "--version", version, "--epochs", "3", "--quiet",
                "--reference-out", "reference-" + version + ".csv", "--reference-rows", "50"));
        args.addAll(List.of(options));
        System.out.println(python.runOrFail(args, work));
    }


    @Test
    void torchScriptWithManifestNormalisationScoresAsPyTorch() throws IOException {
        ModelManifest manifest = repository.readManifest("parity", "1");
        assertThat(manifest.modelFormat()).isEqualTo(ModelFormat.TORCHSCRIPT);
        assertThat(manifest.transform()).isEqualTo(OutputTransform.NONE);
        assertThat(manifest.normalization()).isNotNull();
        assertThat(manifest.architecture()).isNull();
        assertScoresAsPyTorch("1");
    }

    @Test
    void torchServeArchiveWithNormalisationInTheModuleScoresAsPyTorch() throws IOException {
        ModelManifest manifest = repository.readManifest("parity", "2");
        assertThat(manifest.modelFormat()).isEqualTo(ModelFormat.TORCHSERVE_MAR);
        assertThat(manifest.transform()).isEqualTo(OutputTransform.SIGMOID);
        assertThat(manifest.normalization()).isNull();
        assertThat(manifest.featureSet().fingerprint()).isEqualTo(SyntheticExport.FINGERPRINT);
        assertThat(manifest.inputs()).isEqualTo(INPUTS);
        try (MarArchive mar = MarArchive.open(repository.versionDir("parity", "2").resolve(manifest.weights()))) {
            assertThat(mar.serializedFile()).isEqualTo("model.pt");
            assertThat(mar.embeddedManifest()).hasValueSatisfying(inside -> assertThat(inside.inputs()).isEqualTo(INPUTS));
        }
        assertScoresAsPyTorch("2");
    }

    @Test
    void concurrentCallersGetTheSameScoresAsOne() throws Exception {
        float[][] rows = referenceRows(readReference("2")).toArray(float[][]::new);
        try (LoadedModel model = LoadedModel.load(repository, "parity", "2", Device.cpu())) {
            float[] alone = model.score(rows);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<float[]>> calls = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    calls.add(() -> model.score(rows));
                }
                for (Future<float[]> result : pool.invokeAll(calls)) {
                    assertThat(result.get()).containsExactly(alone);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aModuleThatDoesNotScoreOneValuePerRowIsRefusedAtLoad() throws IOException {
        Path dir = repository.versionDir("parity", "3");
        Files.createDirectories(dir);
        Path module = dir.resolve("two-outputs.pt");
        python.runOrFail(List.of("-c", "import sys, torch; torch.jit.save(torch.jit.script(torch.nn.Linear("
                + INPUTS.size() + ", 2)), sys.argv[1])", module.toString()), work);
        ModelManifest good = repository.readManifest("parity", "1");
        repository.writeManifest(new ModelManifest("parity", "3", good.createdAt(), good.featureSet(), good.inputs(),
                good.output(), null, null, Map.of(), good.suggestedThresholds(), "two-outputs.pt", Map.of(),
                "torchscript", "sigmoid"));

        assertThatThrownBy(() -> LoadedModel.load(repository, "parity", "3", Device.cpu()))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("the TorchScript module " + module)
                .hasMessageContaining("one score per row")
                .hasMessageContaining("(2, 2)");
    }

    private static void assertScoresAsPyTorch(String version) throws IOException {
        Map<String, Float> reference = readReference(version);
        assertThat(reference).hasSize(50);
        float[] pytorch = new float[reference.size()];
        int i = 0;
        for (float score : reference.values()) {
            pytorch[i++] = score;
        }
        float[] djl;
        try (LoadedModel model = LoadedModel.load(repository, "parity", version, Device.cpu())) {
            djl = model.score(referenceRows(reference).toArray(float[][]::new));
        }
        float maxDifference = 0;
        float lowest = 1;
        float highest = 0;
        for (i = 0; i < djl.length; i++) {
            maxDifference = Math.max(maxDifference, Math.abs(djl[i] - pytorch[i]));
            lowest = Math.min(lowest, pytorch[i]);
            highest = Math.max(highest, pytorch[i]);
        }
        System.out.printf("parity/%s: DJL vs PyTorch on %d rows, max |difference| %.3g%n", version, djl.length, maxDifference);
        assertThat(maxDifference).isLessThanOrEqualTo(TOLERANCE);
        // the scores are not all alike, so the comparison means something
        assertThat(highest - lowest).isGreaterThan(0.1f);
    }

    /** PyTorch's scores of the first evaluation rows, by transaction id, in file order. */
    private static Map<String, Float> readReference(String version) throws IOException {
        List<String> lines = Files.readAllLines(work.resolve("reference-" + version + ".csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("transaction_id,probability");
        Map<String, Float> scores = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",");
            scores.put(fields[0], Float.parseFloat(fields[1]));
        }
        return scores;
    }

    private static List<float[]> referenceRows(Map<String, Float> reference) {
        return reference.keySet().stream().map(id -> rowsById.get(id)).toList();
    }
}
