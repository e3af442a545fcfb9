package dev.fraudscore.predictservice.model;

import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.model.ModelRepository;
import dev.fraudscore.predictservice.FakeModelVersion;
import dev.fraudscore.predictservice.TestFiles;
import dev.fraudscore.predictservice.TestManifests;
import dev.fraudscore.predictservice.TestOpener;
import dev.fraudscore.predictservice.batching.BatchingConfig;
import dev.fraudscore.predictservice.domain.ModelRegistry;
import dev.fraudscore.predictservice.domain.ModelVersion;
import dev.fraudscore.predictservice.domain.ServedModel;
import dev.fraudscore.predictservice.domain.VersionPolicy;
import dev.fraudscore.predictservice.domain.VersionState;
import dev.fraudscore.predictservice.domain.VersionStatus;
import dev.fraudscore.predictservice.remote.RemoteBackends;
import dev.fraudscore.predictservice.remote.RemotePolicy;
import dev.fraudscore.predictservice.repository.ModelFolders;
import dev.fraudscore.predictservice.repository.ModelSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * A model manager over a temporary repository of fake versions (manifests without weights), on a clock that never
 * moves: what a version scores, or how it fails to open, is up to the test. Driven through its load and unload
 * futures, so every step has finished when the test looks.
 */
final class ManagedRepository implements AutoCloseable {

    static final String MODEL = "fraud-mlp";
    static final ModelSettings DEFAULTS = new ModelSettings(VersionPolicy.latest(1),
            new BatchingConfig(4, Duration.ZERO, 16), "cpu");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    final Path root;
    final ModelRegistry registry = new ModelRegistry(MODEL);
    final RecordingEvents events = new RecordingEvents();
    final TestOpener opener;
    final ModelManager manager;
    private final ModelRepository repository;

    /** @param models what each version opens as: a fake scoring 0.3, unless the test says otherwise */
    ManagedRepository(Path root, BiFunction<ModelRepository, String, ModelVersion> models) {
        this.root = root;
        this.repository = new ModelRepository(root);
        this.opener = new TestOpener((repository, name, version, device) -> models.apply(repository, version));
        this.manager = new ModelManager(repository, new ModelFolders(root, DEFAULTS), registry, opener,
                new RemoteBackends(RemotePolicy.defaults(), CLOCK), List.of(TestManifests.fraudV1()), new Warmup(List.of(1, 8), 1, 8), 8, CLOCK, events);
    }

    ManagedRepository(Path root) {
        this(root, (repository, version) -> new FakeModelVersion(repository.readManifest(MODEL, version), 0.3f));
    }

    void write(String... versions) {
        for (String version : versions) {
            repository.writeManifest(TestManifests.fraudV1(MODEL, version));
        }
    }

    void write(ModelManifest manifest) {
        repository.writeManifest(manifest);
    }

    /** Writes {@code name} in the model's folder ({@code config.yaml}, {@code routing.yaml}) or a version's. */
    void writeFile(String name, String content) {
        try {
            Path file = root.resolve(MODEL).resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String version) {
        TestFiles.deleteRecursively(repository.versionDir(MODEL, version));
    }

    /** Rescans the model now, as LoadModel without a version does. */
    ServedModel rescan() {
        return manager.load(MODEL, null).join();
    }

    ServedModel model() {
        return registry.model(MODEL).orElseThrow();
    }

    /** Each known version's state, by version. */
    Map<String, VersionState> states() {
        Map<String, VersionState> states = new TreeMap<>();
        model().versions().forEach(status -> states.put(status.version(), status.state()));
        return states;
    }

    VersionStatus status(String version) {
        return model().statuses().get(version);
    }

    @Override
    public void close() {
        opener.releaseOpens();
        manager.close();
    }
}
