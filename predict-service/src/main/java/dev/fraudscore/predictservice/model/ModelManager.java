package dev.fraudscore.predictservice.model;

import dev.fraudscore.features.FeatureSetId;
import dev.fraudscore.model.InvalidModelException;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.model.ModelRepository;
import dev.fraudscore.predictservice.domain.ModelRegistry;
import dev.fraudscore.predictservice.domain.ModelVersion;
import dev.fraudscore.predictservice.domain.ServedModel;
import dev.fraudscore.predictservice.domain.ServingVersion;
import dev.fraudscore.predictservice.domain.VersionState;
import dev.fraudscore.predictservice.domain.VersionStatus;
import dev.fraudscore.predictservice.repository.ModelFolders;
import dev.fraudscore.predictservice.repository.ModelSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the registry true to the repository: every poll period (and on explicit load or unload) it reads
 * each model's folder, loads, validates and warms up the versions its policy selects, makes each servable
 * only then, retires the versions no longer selected or gone from disk, and applies the routing file. All
 * of it on one thread, so two changes never race. A version that fails is never served, and is not tried
 * again until its files change.
 */
public final class ModelManager implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModelManager.class);

    private final ModelRepository repository;
    private final ModelFolders folders;
    private final ModelRegistry registry;
    private final VersionLoader loader;
    private final RoutingRules routing;
    private final ModelEvents events;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread t = new Thread(runnable, "model-manager");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Set<String>> pinned = new HashMap<>();
    private final Map<String, Set<String>> unloaded = new HashMap<>();
    private final Map<String, Long> failedStamps = new HashMap<>();
    private final Map<String, String> folderErrors = new HashMap<>();

    public ModelManager(ModelRepository repository, ModelFolders folders, ModelRegistry registry, ModelOpener opener,
            List<FeatureSetId> servedFeatureSets, Warmup warmup, int maxRows, Clock clock, ModelEvents events) {
        this.repository = repository;
        this.folders = folders;
        this.registry = registry;
        this.loader = new VersionLoader(repository, opener, servedFeatureSets, warmup, maxRows, clock, events);
        this.routing = new RoutingRules(registry, folders, events);
        this.events = events;
    }

    /** Scans the repository now and then every {@code period}. */
    public void start(Duration period) {
        log.info("watching the model repository {} every {} ms", repository.root().toAbsolutePath().normalize(),
                period.toMillis());
        thread.scheduleWithFixedDelay(this::reconcileAll, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Loads a version now (or rescans the model without one) and keeps it loaded; done when it is served or failed. */
    public CompletableFuture<ServedModel> load(String model, String version) {
        return onManagerThread(() -> {
            unloaded.getOrDefault(model, new HashSet<>()).remove(version);
            if (version == null) {
                unloaded.remove(model);
            } else {
                pinned.computeIfAbsent(model, m -> new HashSet<>()).add(version);
                failedStamps.remove(model + "/" + version);
            }
            reconcile(model);
            return registry.model(model).orElseThrow();
        });
    }

    /** Unloads a version (every version without one) and keeps it unloaded until loaded again. */
    public CompletableFuture<ServedModel> unload(String model, String version) {
        return onManagerThread(() -> {
            Set<String> out = unloaded.computeIfAbsent(model, m -> new HashSet<>());
            out.addAll(version == null ? repository.versions(model) : List.of(version));
            if (version == null) {
                out.addAll(registry.model(model).map(m -> m.ready().keySet()).orElse(Set.of()));
            }
            pinned.getOrDefault(model, new HashSet<>()).removeAll(out);
            reconcile(model);
            return registry.model(model).orElseThrow();
        });
    }

    private <T> CompletableFuture<T> onManagerThread(java.util.function.Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, thread);
    }

    private void reconcileAll() {
        try {
            Set<String> names = new TreeSet<>(repository.names());
            names.addAll(registry.knownModels());
            names.forEach(this::reconcile);
        } catch (RuntimeException e) {
            log.error("the scan of the model repository {} failed; serving what is loaded", repository.root(), e);
        }
    }

    private void reconcile(String model) {
        ModelSettings settings = settings(model);
        List<String> present = repository.versions(model);
        Set<String> wanted = new HashSet<>(settings.versionPolicy().select(present));
        wanted.addAll(pinned.getOrDefault(model, Set.of()));
        wanted.retainAll(present);
        wanted.removeAll(unloaded.getOrDefault(model, Set.of()));
        ServedModel now = registry.model(model).orElse(null);
        if (now != null) {
            now.ready().keySet().stream().filter(v -> !wanted.contains(v)).forEach(v -> retire(model, v));
            now.statuses().values().stream()
                    .filter(s -> s.state() == VersionState.FAILED && !present.contains(s.version()))
                    .forEach(s -> registry.forget(model, s.version()));
        }
        present.stream().filter(wanted::contains)
                .filter(v -> now == null || !now.ready().containsKey(v))
                .forEach(v -> loadIfChanged(model, v, settings));
        routing.apply(model);
        events.changed(registry);
    }

    private ModelSettings settings(String model) {
        try {
            ModelSettings settings = folders.settings(model);
            if (folderErrors.remove(model) != null) {
                log.info("{} is usable again", folders.file(model, ModelFolders.CONFIG));
            }
            return settings;
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().equals(folderErrors.put(model, e.getMessage()))) {
                log.error("cannot use {}; {} is served with the default settings until it is fixed", e.getMessage(), model);
            }
            return folders.defaults();
        }
    }

    private void loadIfChanged(String model, String version, ModelSettings settings) {
        String ref = model + "/" + version;
        long stamp = stamp(repository.versionDir(model, version));
        if (failedStamps.containsKey(ref) && failedStamps.get(ref) == stamp) {
            return;
        }
        registry.status(model, new VersionStatus(version, VersionState.LOADING, null, null, null));
        try {
            ServingVersion serving = loader.load(model, version, settings,
                    () -> registry.forgetIfUnloading(model, version));
            registry.publish(model, serving, new VersionStatus(version, VersionState.READY, null, serving.device(),
                    serving.manifest().featureSet()));
            failedStamps.remove(ref);
            log.info("{} is servable on {}", ref, serving.device());
        } catch (RuntimeException | LinkageError e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            failedStamps.put(ref, stamp);
            registry.status(model, new VersionStatus(version, VersionState.FAILED, reason, null, featureSetOf(model, version)));
            events.loadFailed(model, version);
            log.error("cannot serve {} from {}: {} (it is not served; the other versions keep serving)", ref,
                    repository.versionDir(model, version).resolve(ModelManifest.FILE_NAME), reason,
                    e instanceof InvalidModelException ? null : e);
        }
    }

    private void retire(String model, String version) {
        registry.withdraw(model, version).ifPresent(serving -> {
            log.info("{}/{} no longer takes requests; it is freed when those in flight finish", model, version);
            serving.retire();
        });
    }

    private FeatureSetId featureSetOf(String model, String version) {
        try {
            return repository.readManifest(model, version).featureSet();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** When a version's files last changed: a failed version is tried again only after that moves. */
    private static long stamp(Path dir) {
        try (var files = java.nio.file.Files.list(dir)) {
            return files.mapToLong(f -> f.toFile().lastModified() + f.toFile().length()).sum();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        registry.knownModels().forEach(model -> registry.model(model).ifPresent(m -> m.ready().keySet()
                .forEach(v -> retire(model, v))));
    }
}
