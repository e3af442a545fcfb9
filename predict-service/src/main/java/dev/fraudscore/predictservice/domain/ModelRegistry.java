package dev.fraudscore.predictservice.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Every model the service knows, swapped atomically: a request reads one consistent picture (its model,
 * routing and versions) and never a version half-published. Writes come from the model manager.
 */
public final class ModelRegistry {

    private final String defaultModel;
    private final AtomicReference<Map<String, ServedModel>> models = new AtomicReference<>(Map.of());

    /** @param defaultModel the model that answers a request that names none */
    public ModelRegistry(String defaultModel) {
        this.defaultModel = defaultModel;
    }

    public String defaultModel() {
        return defaultModel;
    }

    public Optional<ServedModel> model(String name) {
        return Optional.ofNullable(models.get().get(name));
    }

    /** Names of the models with a servable version, sorted. */
    public List<String> servedModels() {
        return models.get().values().stream().filter(m -> !m.ready().isEmpty()).map(ServedModel::name).sorted().toList();
    }

    /**
     * Why a request for {@code name} finds no model: the default model has no version yet (UNAVAILABLE, as while
     * it loads), any other model is not served here (NOT_FOUND). Both name the models that are served.
     */
    public PredictionException absent(String name) {
        List<String> served = servedModels();
        String sentence = "served: " + (served.isEmpty() ? "none yet" : String.join(", ", served));
        return name.equals(defaultModel)
                ? PredictionException.unavailable("the default model " + name + " has no version to serve yet; " + sentence)
                : PredictionException.notFound("model " + name + " is not served here; " + sentence);
    }

    /** Names of every model known, sorted. */
    public List<String> knownModels() {
        return models.get().keySet().stream().sorted().toList();
    }

    /** Records a version's state (loading, failed, unloading). */
    public void status(String name, VersionStatus status) {
        update(name, m -> new ServedModel(name, m.ready(), m.routing(), with(m.statuses(), status.version(), status),
                m.routingError()));
    }

    /** Makes a loaded, warmed version servable. */
    public void publish(String name, ServingVersion serving, VersionStatus status) {
        update(name, m -> new ServedModel(name, with(m.ready(), serving.version(), serving), m.routing(),
                with(m.statuses(), serving.version(), status), m.routingError()));
    }

    /** Takes a version out of service: no new request reaches it. Returns it for retiring. */
    public Optional<ServingVersion> withdraw(String name, String version) {
        ServingVersion serving = model(name).map(m -> m.ready().get(version)).orElse(null);
        update(name, m -> {
            Map<String, ServingVersion> ready = new HashMap<>(m.ready());
            ready.remove(version);
            Map<String, VersionStatus> statuses = new HashMap<>(m.statuses());
            VersionStatus was = statuses.get(version);
            if (was != null) {
                statuses.put(version, new VersionStatus(version, VersionState.UNLOADING, null, was.device(), was.featureSet()));
            }
            return new ServedModel(name, ready, m.routing(), statuses, m.routingError());
        });
        return Optional.ofNullable(serving);
    }

    /** Forgets a version (closed, or its folder is gone). */
    public void forget(String name, String version) {
        update(name, m -> {
            Map<String, VersionStatus> statuses = new HashMap<>(m.statuses());
            statuses.remove(version);
            return new ServedModel(name, m.ready(), m.routing(), statuses, m.routingError());
        });
    }

    /** Forgets a version that finished unloading, unless it was loaded again meanwhile. */
    public void forgetIfUnloading(String name, String version) {
        update(name, m -> {
            VersionStatus status = m.statuses().get(version);
            if (status == null || status.state() != VersionState.UNLOADING) {
                return m;
            }
            Map<String, VersionStatus> statuses = new HashMap<>(m.statuses());
            statuses.remove(version);
            return new ServedModel(name, m.ready(), m.routing(), statuses, m.routingError());
        });
    }

    public void route(String name, Routing routing, String routingError) {
        update(name, m -> new ServedModel(name, m.ready(), routing, m.statuses(), routingError));
    }

    private synchronized void update(String name, UnaryOperator<ServedModel> change) {
        Map<String, ServedModel> next = new HashMap<>(models.get());
        next.put(name, change.apply(next.getOrDefault(name, ServedModel.empty(name))));
        models.set(Map.copyOf(next));
    }

    private static <V> Map<String, V> with(Map<String, V> map, String key, V value) {
        Map<String, V> copy = new HashMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
