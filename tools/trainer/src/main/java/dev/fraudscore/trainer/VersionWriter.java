package dev.fraudscore.trainer;

import ai.djl.Model;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.model.ModelRepository;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a model version: weights, evaluation report, PR-curve plot and, last, the manifest, all in a
 * staging folder that is then renamed into place, so a repository watcher never sees half a version.
 */
final class VersionWriter {

    record Written(ModelManifest manifest, Path directory) {
    }

    private VersionWriter() {
    }

    static Written write(ModelRepository repository, ModelManifest draft, Model model, Evaluation evaluation,
            Map<String, Object> split, PrintStream log) {
        String name = draft.name();
        String version = repository.nextVersion(name);
        Path target = repository.versionDir(name, version);
        if (Files.exists(target)) {
            throw new TrainingException(target + " exists but holds no manifest (an unfinished run left it?); "
                    + "remove it and train again");
        }
        // the staging root sits beside the versions (same file system, so the rename is atomic) and its
        // name is not a version number, so the repository ignores it
        Path stagingRoot = repository.root().resolve(name)
                .resolve(".staging-" + version + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        ModelRepository staging = new ModelRepository(stagingRoot);
        Path dir = staging.versionDir(name, version);
        try {
            Files.createDirectories(dir);
            model.save(dir, name);
            ModelManifest manifest = new ModelManifest(name, version, draft.createdAt(), draft.featureSet(),
                    draft.inputs(), draft.output(), draft.architecture(), draft.normalization(), draft.metrics(),
                    draft.suggestedThresholds(), weightsFile(dir), draft.training());
            manifest.validate();
            boolean plotted = PrCurveChart.write(dir, name + "/" + version, evaluation, log);
            EvaluationReport.write(dir, name + "/" + version, split, evaluation, plotted);
            staging.writeManifest(manifest);
            Files.move(dir, target, StandardCopyOption.ATOMIC_MOVE);
            return new Written(manifest, target);
        } catch (IOException e) {
            throw new TrainingException("cannot write model version " + name + "/" + version + " under "
                    + repository.root() + ": " + e.getMessage(), e);
        } finally {
            deleteRecursively(stagingRoot);
        }
    }

    /** DJL names the file {@code <name>-<epoch>.params}; the manifest must name exactly that file. */
    private static String weightsFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> params = files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".params")).toList();
            if (params.size() != 1) {
                throw new TrainingException("expected DJL to write one .params file in " + dir + ", found " + params);
            }
            return params.get(0);
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root + ": " + e.getMessage(), e);
        }
    }
}
