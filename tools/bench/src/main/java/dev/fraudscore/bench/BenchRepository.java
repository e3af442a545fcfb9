package dev.fraudscore.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A model repository the benchmark may change under a running predict-service: one model whose version 1 is a
 * copy of the source's newest version. New versions and files appear atomically (written beside, then renamed),
 * as a deployment should write them, so the service never reads half a version.
 */
final class BenchRepository implements AutoCloseable {

    static final String MANIFEST = "manifest.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path root;
    private final String model;

    private BenchRepository(Path root, String model) {
        this.root = root;
        this.model = model;
    }

    /** A new repository in a temporary folder under {@code parent}, holding {@code sourceVersion} as version 1. */
    static BenchRepository seed(Path sourceVersion, String model, Path parent) {
        try {
            Files.createDirectories(parent);
            BenchRepository repository = new BenchRepository(Files.createTempDirectory(parent, "repository-"), model);
            Files.createDirectories(repository.modelDir());
            repository.publishVersion(sourceVersion, "1");
            return repository;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a model repository under " + parent, e);
        }
    }

    Path root() {
        return root;
    }

    String model() {
        return model;
    }

    /** Writes {@code version} as a copy of version 1 (its manifest naming the new version), then renames it in. */
    void addVersion(String version) {
        publishVersion(modelDir().resolve("1"), version);
    }

    /** Writes {@code models/<name>/<file>} (config.yaml, routing.yaml) atomically. */
    void writeModelFile(String file, String text) {
        Path target = modelDir().resolve(file);
        try {
            Path temp = Files.createTempFile(modelDir(), "." + file, ".tmp");
            Files.writeString(temp, text);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    @Override
    public void close() {
        deleteTree(root);
    }

    private Path modelDir() {
        return root.resolve(model);
    }

    private void publishVersion(Path from, String version) {
        Path target = modelDir().resolve(version);
        // a dot name is not a version to predict-service (versions are numbers), so it ignores the copy in progress
        Path temp = modelDir().resolve(".incoming-" + version);
        try {
            deleteTree(temp);
            Files.createDirectories(temp);
            try (Stream<Path> files = Files.list(from)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, temp.resolve(file.getFileName()));
                }
            }
            renameManifest(temp.resolve(MANIFEST), version);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write version " + version + " of " + model + " into " + target, e);
        }
    }

    private void renameManifest(Path manifest, String version) {
        ObjectNode tree = (ObjectNode) JSON.readTree(manifest.toFile());
        tree.put("name", model);
        tree.put("version", version);
        JSON.writeValue(manifest.toFile(), tree);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path path : deepestFirst) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
