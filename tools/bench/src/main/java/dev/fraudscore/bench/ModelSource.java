package dev.fraudscore.bench;

import dev.fraudscore.model.ModelRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The model version the benchmarks serve: the newest version of the model in a repository given on the command
 * line, or else the default model trained with the trainer's small preset into a temporary folder.
 */
final class ModelSource {

    private ModelSource() {
    }

    /** The folder of the version to serve ({@code <repository>/<model>/<version>}). */
    static Path resolve(Path givenRepository, String model, Path trainerJar, Path java, Path workDir) {
        Path repository = givenRepository != null ? givenRepository : train(trainerJar, java, workDir);
        ModelRepository models = new ModelRepository(repository);
        return models.newestVersion(model).map(version -> models.versionDir(model, version))
                .orElseThrow(() -> new IllegalArgumentException("the model repository " + repository
                        + " has no version of " + model + " (no " + repository.resolve(model) + "/<n>/manifest.json)"));
    }

    private static Path train(Path trainerJar, Path java, Path workDir) {
        if (!Files.isRegularFile(trainerJar)) {
            throw new IllegalArgumentException("no model repository given (--models-dir) and no trainer at " + trainerJar
                    + " to train one; build it: mvn -pl tools/trainer -am package -DskipTests");
        }
        Path repository = workDir.resolve("trained");
        Path log = workDir.resolve("trainer.log");
        List<String> command = List.of(java.toString(), "-Dai.djl.offline=true", "-jar", trainerJar.toString(),
                "--models-dir", repository.toString(), "--small", "--quiet");
        System.out.println("training the default model (trainer --small) into " + repository);
        try {
            Files.createDirectories(workDir);
            Process trainer = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!trainer.waitFor(10, TimeUnit.MINUTES) || trainer.exitValue() != 0) {
                trainer.destroyForcibly();
                throw new IllegalStateException("training failed; see " + log);
            }
            return repository;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training", e);
        }
    }
}
