package dev.fraudscore.predictservice.web.torchserve;

import dev.fraudscore.predictservice.domain.ModelRegistry;
import dev.fraudscore.predictservice.domain.PredictionException;
import dev.fraudscore.predictservice.domain.ServedModel;
import dev.fraudscore.predictservice.domain.ServingVersion;
import dev.fraudscore.predictservice.domain.VersionState;
import dev.fraudscore.predictservice.domain.VersionStatus;
import dev.fraudscore.predictservice.repository.ModelFolders;
import dev.fraudscore.predictservice.repository.ModelSettings;
import dev.fraudscore.predictservice.web.torchserve.TorchServeJson.JobQueueStatus;
import dev.fraudscore.predictservice.web.torchserve.TorchServeJson.ModelDescription;
import dev.fraudscore.predictservice.web.torchserve.TorchServeJson.ModelEntry;
import dev.fraudscore.predictservice.web.torchserve.TorchServeJson.ModelList;
import dev.fraudscore.predictservice.web.torchserve.TorchServeJson.Worker;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The management API's views of the registry: the model list and a version's description in TorchServe's shape.
 * There are no worker processes: a version that serves shows one worker, standing for its batch queue; batch size
 * and delay are the model's batching (its config.yaml or the service's defaults).
 */
@Component
final class ModelDescriptions {

    static final String ALL = "all";
    private static final int MAX_PAGE = 100;

    private final ModelRegistry registry;
    private final ModelFolders folders;
    private final long pid = ProcessHandle.current().pid();

    ModelDescriptions(ModelRegistry registry, ModelFolders folders) {
        this.registry = registry;
        this.folders = folders;
    }

    /** Models with at least one known version, sorted; {@code limit} as TorchServe: 1 to 100, else 100. */
    ModelList list(int limit, int nextPageToken) {
        int pageSize = limit <= 0 || limit > MAX_PAGE ? MAX_PAGE : limit;
        List<ServedModel> models = registry.knownModels().stream().map(name -> registry.model(name).orElseThrow())
                .filter(model -> !model.statuses().isEmpty()).toList();
        int from = Math.min(Math.max(nextPageToken, 0), models.size());
        int to = Math.min(from + pageSize, models.size());
        List<ModelEntry> page = models.subList(from, to).stream()
                .map(model -> new ModelEntry(model.name(), url(model.name(), defaultVersion(model).version()))).toList();
        return new ModelList(to < models.size() ? String.valueOf(to) : null, page);
    }

    /**
     * @param version {@code null}: the default version (the primary, or the newest known while none serves);
     *                {@value #ALL}: every version, oldest first
     */
    List<ModelDescription> describe(String model, String version) {
        ServedModel served = registry.model(model).filter(m -> !m.statuses().isEmpty())
                .orElseThrow(() -> PredictionException.notFound("model " + model + " is not served here; served: "
                        + String.join(", ", registry.servedModels())));
        ModelSettings settings = settings(model);
        if (ALL.equals(version)) {
            return served.versions().stream().map(status -> describe(served, status, settings)).toList();
        }
        VersionStatus status = version == null ? defaultVersion(served) : served.statuses().get(version);
        if (status == null) {
            throw PredictionException.notFound("model " + model + " has no version " + version + "; its versions: "
                    + served.describeVersions());
        }
        return List.of(describe(served, status, settings));
    }

    private ModelDescription describe(ServedModel model, VersionStatus status, ModelSettings settings) {
        ServingVersion serving = model.ready().get(status.version());
        boolean serves = serving != null || status.state() == VersionState.UNLOADING;
        boolean gpu = status.device() != null && status.device().startsWith("gpu");
        List<Worker> workers = serves ? List.of(new Worker(model.name() + "/" + status.version(),
                serving != null ? "READY" : "UNLOADING", 0, pid, gpu, "N/A")) : List.of();
        int queued = serving == null ? 0 : serving.queuedRows();
        int capacity = settings.batching().maxQueuedRows();
        String runtime = serving == null ? null : serving.manifest().modelFormat().manifestName();
        return new ModelDescription(model.name(), status.version(), url(model.name(), status.version()), "PyTorch (DJL)",
                runtime, status.device() == null ? null : (gpu ? "gpu" : "cpu"), workers.size(), workers.size(),
                settings.batching().maxBatchSize(), settings.batching().maxQueueDelay().toMillis(), status.state().name(),
                status.reason(), workers, new JobQueueStatus(Math.max(capacity - queued, 0), queued));
    }

    private static VersionStatus defaultVersion(ServedModel model) {
        if (model.routing() != null && model.statuses().containsKey(model.routing().primary())) {
            return model.statuses().get(model.routing().primary());
        }
        List<VersionStatus> versions = model.versions();
        return versions.get(versions.size() - 1);
    }

    private ModelSettings settings(String model) {
        try {
            return folders.settings(model);
        } catch (IllegalArgumentException unreadable) {
            return folders.defaults(); // as the model manager serves a model whose config.yaml it cannot use
        }
    }

    /** Where the version lies, relative to the model repository. */
    private static String url(String model, String version) {
        return model + "/" + version;
    }
}
