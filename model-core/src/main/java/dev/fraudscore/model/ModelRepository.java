package dev.fraudscore.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A directory of model versions, {@code <root>/<name>/<version>/manifest.json}. Versions are positive
 * integers; the newest is the highest.
 */
public final class ModelRepository {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path root;

    public ModelRepository(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path versionDir(String name, String version) {
        return root.resolve(name).resolve(version);
    }

    /** Model names present in the repository. */
    public List<String> names() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new InvalidModelException("cannot list the model repository " + root + ": " + e.getMessage(), e);
        }
    }

    /** Versions of {@code name} that have a manifest, oldest first. */
    public List<String> versions(String name) {
        Path dir = root.resolve(name);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(dir)) {
            return dirs.filter(p -> Files.isRegularFile(p.resolve(ModelManifest.FILE_NAME)))
                    .map(p -> p.getFileName().toString())
                    .filter(v -> v.matches("[1-9][0-9]{0,8}"))
                    .sorted(Comparator.comparingInt(Integer::parseInt))
                    .toList();
        } catch (IOException e) {
            throw new InvalidModelException("cannot list the versions of " + name + " in " + root + ": " + e.getMessage(), e);
        }
    }

    public Optional<String> newestVersion(String name) {
        List<String> versions = versions(name);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** The version a new training run of {@code name} should write. */
    public String nextVersion(String name) {
        return newestVersion(name).map(v -> String.valueOf(Integer.parseInt(v) + 1)).orElse("1");
    }

    public ModelManifest readManifest(String name, String version) {
        Path file = versionDir(name, version).resolve(ModelManifest.FILE_NAME);
        try {
            ModelManifest manifest = JSON.readValue(file.toFile(), ModelManifest.class);
            manifest.validate();
            return manifest;
        } catch (RuntimeException e) {
            if (e instanceof InvalidModelException) {
                throw e;
            }
            throw new InvalidModelException("cannot read the manifest " + file + ": " + e.getMessage(), e);
        }
    }

    public void writeManifest(ModelManifest manifest) {
        Path file = versionDir(manifest.name(), manifest.version()).resolve(ModelManifest.FILE_NAME);
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), manifest);
        } catch (IOException | RuntimeException e) {
            throw new InvalidModelException("cannot write the manifest " + file + ": " + e.getMessage(), e);
        }
    }
}
