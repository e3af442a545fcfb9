package dev.fraudscore.predictservice;

import dev.fraudscore.model.ModelManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A model repository that a running service watches. Every change lands in one atomic rename, as a careful
 * deployment does it, so the service's poller never reads a version or a file half-written.
 */
public final class TestRepository {

    /** Changes a staged version folder before it is published. */
    @FunctionalInterface
    public interface Edit {
        void apply(Path versionDir) throws IOException;
    }

    private final Path base;
    private final Path root;
    private final AtomicInteger staged = new AtomicInteger();

    private TestRepository(Path base) {
        this.base = base;
        this.root = base.resolve("models");
    }

    public static TestRepository create(String prefix) {
        TestRepository repository = new TestRepository(TestFiles.newDirectory(prefix));
        createDirectories(repository.root);
        return repository;
    }

    public Path root() {
        return root;
    }

    /** Writes a real, untrained version ({@link TestModelVersions}) and publishes it. */
    public ModelManifest publish(String model, String version, int seed) {
        return publish(model, version, seed, dir -> {
        });
    }

    public ModelManifest publish(String model, String version, int seed, Edit edit) {
        Path staging = stagingDir();
        ModelManifest manifest = TestModelVersions.write(staging, model, version, seed);
        Path dir = staging.resolve(model).resolve(version);
        try {
            edit.apply(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        createDirectories(root.resolve(model));
        move(dir, root.resolve(model).resolve(version));
        TestFiles.deleteRecursively(staging);
        return manifest;
    }

    /** Writes (or replaces) a file of the model's folder, such as {@code config.yaml} or {@code routing.yaml}. */
    public void writeFile(String model, String name, String content) {
        Path staging = stagingDir();
        try {
            Path file = Files.writeString(staging.resolve(name), content);
            createDirectories(root.resolve(model));
            move(file, root.resolve(model).resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestFiles.deleteRecursively(staging);
    }

    /** Takes a version's folder out of the repository. */
    public void delete(String model, String version) {
        Path gone = stagingDir().resolve(version);
        move(root.resolve(model).resolve(version), gone);
        TestFiles.deleteRecursively(gone.getParent());
    }

    public void deleteAll() {
        TestFiles.deleteRecursively(base);
    }

    private Path stagingDir() {
        Path dir = base.resolve("staging-" + staged.incrementAndGet());
        createDirectories(dir);
        return dir;
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + from + " to " + to, e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
