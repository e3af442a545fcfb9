package dev.fraudscore.systemtests;

import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.trainer.TrainingConfig;
import dev.fraudscore.trainer.TrainingRun;
import java.nio.file.Path;

/** A real model for the system under test, trained by the trainer's small preset into a fresh repository. */
final class TrainedModel {

    private TrainedModel() {
    }

    static ModelManifest trainSmall(Path modelsDir) {
        System.setProperty("ai.djl.offline", "true");
        deleteRecursively(modelsDir);
        return TrainingRun.run(TrainingConfig.small(modelsDir));
    }

    private static void deleteRecursively(Path dir) {
        if (!dir.toFile().exists()) {
            return;
        }
        try (var paths = java.nio.file.Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot clear " + dir, e);
        }
    }
}
