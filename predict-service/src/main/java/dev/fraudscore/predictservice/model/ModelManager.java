package dev.fraudscore.predictservice.model;

import dev.fraudscore.features.FeatureSetId;
import dev.fraudscore.model.InvalidModelException;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.model.ModelRepository;
import dev.fraudscore.predictservice.domain.ModelRegistry;
import dev.fraudscore.predictservice.domain.ModelVersion;
import dev.fraudscore.predictservice.domain.PredictionException;
import dev.fraudscore.predictservice.domain.ServedModel;
import dev.fraudscore.predictservice.domain.ServingVersion;
import dev.fraudscore.predictservice.domain.VersionState;
import dev.fraudscore.predictservice.domain.VersionStatus;
import dev.fraudscore.predictservice.remote.RemoteBackends;
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
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the registry true to the repository: every poll period (and on explicit load or unload) it reads
 * each model's folder, loads, validates and warms up the versions its policy selects, makes each servable
 * only then, retires the versions no longer selected or gone from disk, and applies the routing file. All
 * of it on one thread, so two changes never race. A version that fails is never served, and is not tried
 * again until its files change; one whose forward pass runs on a remote server is also tried again on a backoff
 * ({@link RemoteRetries}), since the remote may recover while its files stay as they are.
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
    private final RemoteRetries remoteRetries;
    private final Map<String, String> folderErrors = new HashMap<>();

    /** @param remotes opens the versions whose config.yaml names a remote backend */
    public ModelManager(ModelRepository repository, ModelFolders folders, ModelRegistry registry, ModelOpener opener,
            RemoteBackends remotes, List<FeatureSetId> servedFeatureSets, Warmup warmup, int maxRows, Clock clock,
            ModelEvents events) {
        this.repository = repository;
        this.folders = folders;
        this.registry = registry;
        this.loader = new VersionLoader(repository, opener, remotes, servedFeatureSets, warmup, maxRows, clock, events);
        this.remoteRetries = new RemoteRetries(clock);
        this.routing = new RoutingRules(registry, folders, events);
        this.events = events;
    }

    /** Scans the repository now and then every {@code period}. */
    public void start(Duration period) {
        log.info("watching the model repository {} every {} ms", repository.root().toAbsolutePath().normalize(),
                period.toMillis());
        remoteRetries.firstAfter(period);
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
            return known(model);
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
            return known(model);
        });
    }

    private ServedModel known(String model) {
        return registry.model(model).orElseThrow(() -> PredictionException.notFound("model " + model
                + " is not in the model repository " + repository.root().toAbsolutePath().normalize() + "; its models: "
                + String.join(", ", repository.names())));
    }

    private <T> CompletableFuture<T> onManagerThread(java.util.function.Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, thread);
    }

    private void reconcileAll() {
        try {
            Set<String> names = new TreeSet<>(repository.names());
            names.addAll(registry.knownModels());
            // the default model is looked at even when absent, so readiness says why and how to train one
            names.add(registry.defaultModel());
            names.forEach(this::reconcile);
        } catch (RuntimeException e) {
            log.error("the scan of the model repository {} failed; serving what is loaded", repository.root(), e);
        }
    }

    private void reconcile(String model) {
        ModelSettings settings = settings(model);
        List<String> present = repository.versions(model);
        Set<String> selected = wanted(model, settings, present);
        // a version that fails leaves its place to the next one the policy takes, so a broken new version never
        // takes a good one's place; each round fails one more version or ends
        for (int round = 0; round < present.size() && loadMissing(model, present, selected, settings); round++) {
            selected = wanted(model, settings, present);
        }
        Set<String> wanted = selected;
        // the new versions serve before the old ones leave, and requests are routed away from a version before
        // it leaves: a request never finds the model without a version
        ServedModel now = registry.model(model).orElse(null);
        Set<String> leaving = now == null ? Set.of() : now.ready().keySet().stream()
                .filter(v -> !wanted.contains(v)).collect(Collectors.toSet());
        routing.apply(model, leaving);
        leaving.forEach(v -> retire(model, v));
        if (now != null) {
            now.statuses().values().stream()
                    .filter(s -> s.state() == VersionState.FAILED && !present.contains(s.version()))
                    .forEach(s -> registry.forget(model, s.version()));
        }
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

    /** The versions to serve: what the policy takes among those that have not failed as they are, and those pinned. */
    private Set<String> wanted(String model, ModelSettings settings, List<String> present) {
        Set<String> wanted = new HashSet<>(settings.versionPolicy().select(
                present.stream().filter(v -> !failedAsTheyAre(model, v)).toList()));
        wanted.addAll(pinned.getOrDefault(model, Set.of()));
        wanted.retainAll(present);
        wanted.removeAll(unloaded.getOrDefault(model, Set.of()));
        return wanted;
    }

    /** Loads the wanted versions that are not served; true when one of them failed. */
    private boolean loadMissing(String model, List<String> present, Set<String> wanted, ModelSettings settings) {
        Set<String> ready = registry.model(model).map(m -> m.ready().keySet()).orElse(Set.of());
        boolean failed = false;
        for (String version : present) {
            if (wanted.contains(version) && !ready.contains(version) && !failedAsTheyAre(model, version)) {
                failed |= !load(model, version, settings);
            }
        }
        return failed;
    }

    /** Whether the version failed and its files have not changed since (nor is a remote-backed one due a retry). */
    private boolean failedAsTheyAre(String model, String version) {
        String ref = model + "/" + version;
        Long failedAt = failedStamps.get(ref);
        return failedAt != null && failedAt == stamp(repository.versionDir(model, version)) && !remoteRetries.due(ref);
    }

    /** @return whether the version is now servable */
    private boolean load(String model, String version, ModelSettings settings) {
        String ref = model + "/" + version;
        long stamp = stamp(repository.versionDir(model, version));
        registry.status(model, new VersionStatus(version, VersionState.LOADING, null, null, null));
        try {
            ServingVersion serving = loader.load(model, version, settings,
                    () -> registry.forgetIfUnloading(model, version));
            registry.publish(model, serving, new VersionStatus(version, VersionState.READY, null, serving.device(),
                    serving.manifest().featureSet()));
            failedStamps.remove(ref);
            remoteRetries.forget(ref);
            log.info("{} is servable on {}", ref, serving.device());
            return true;
        } catch (RuntimeException | LinkageError e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            failedStamps.put(ref, stamp);
            if (settings.remote()) {
                remoteRetries.failed(ref);
            } else {
                remoteRetries.forget(ref);
            }
            registry.status(model, new VersionStatus(version, VersionState.FAILED, reason, null, featureSetOf(model, version)));
            events.loadFailed(model, version);
            log.error("cannot serve {} from {}: {} (it is not served; the other versions keep serving)", ref,
                    repository.versionDir(model, version).resolve(ModelManifest.FILE_NAME), reason,
                    e instanceof InvalidModelException ? null : e);
            return false;
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
