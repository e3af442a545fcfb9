package dev.fraudscore.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import tools.jackson.databind.node.ObjectNode;

/** Model versions written into a repository as a deploy would: complete in a staging folder, then renamed in. */
final class ModelVersions {

    private ModelVersions() {
    }

    /** A copy of {@code version} as {@code newVersion}: the same weights under a new version number. */
    static Path copyAs(Path repository, String model, String version, String newVersion) throws IOException {
        Path source = repository.resolve(model).resolve(version);
        Path staging = Files.createTempDirectory(repository.resolve(model), ".staging-");
        try (var files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, staging.resolve(file.getFileName()));
            }
        }
        Path manifest = staging.resolve("manifest.json");
        ObjectNode json = (ObjectNode) ApiClient.JSON.readTree(manifest.toFile());
        json.put("version", newVersion);
        ApiClient.JSON.writeValue(manifest.toFile(), json);
        Path target = repository.resolve(model).resolve(newVersion);
        return Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    }

    static void delete(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
