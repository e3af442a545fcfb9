package dev.fraudscore.systemtests;

import dev.fraudscore.testsupport.PythonWithTorch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The data scientist's path as the README gives it: the trainer's export, then the PyTorch script of
 * tools/datascience, each as its own process from the built artifacts.
 */
final class DataScientist {

    private DataScientist() {
    }

    /** {@code trainer export --small --out <csv>}: the point-in-time feature rows and labels. */
    static void export(Path root, Path csv) {
        Path jar = root.resolve("tools/trainer/target/trainer-" + Pipeline.VERSION + "-exec.jar");
        run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dai.djl.offline=true", "-jar",
                jar.toString(), "export", "--small", "--out", csv.toString()), root);
    }

    /** Trains a TorchScript version of {@code model} in PyTorch; PyTorch's own scores of evaluation rows go to {@code reference}. */
    static void trainTorchScript(Path root, Path csv, Path models, String model, Path reference) {
        PythonWithTorch.locate().runOrFail(List.of(PythonWithTorch.script().toString(), "--data", csv.toString(),
                "--models-dir", models.toString(), "--name", model, "--reference-out", reference.toString(),
                "--reference-rows", "64", "--quiet"), root);
    }

    /** transaction id → PyTorch's probability. */
    static Map<String, Float> referenceScores(Path reference) throws IOException {
        Map<String, Float> scores = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(reference);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            scores.put(cells[0], Float.parseFloat(cells[1]));
        }
        return scores;
    }

    /** The feature rows of these transaction ids, from the export (features start after the four id/label columns). */
    static Map<String, float[]> rows(Path csv, Set<String> ids) throws IOException {
        Map<String, float[]> rows = new LinkedHashMap<>();
        try (var lines = Files.lines(csv)) {
            lines.skip(1).map(line -> line.split(",")).filter(cells -> ids.contains(cells[0])).forEach(cells -> {
                float[] values = new float[cells.length - 4];
                for (int i = 0; i < values.length; i++) {
                    values[i] = Float.parseFloat(cells[i + 4]);
                }
                rows.put(cells[0], values);
            });
        }
        return rows;
    }

    private static void run(List<String> command, Path dir) {
        try {
            Path log = Files.createTempFile("datascience-", ".log");
            Process process = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new AssertionError(command + " failed:\n" + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
