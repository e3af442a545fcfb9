package dev.fraudscore.predictservice.repository;

import dev.fraudscore.predictservice.batching.BatchingConfig;
import dev.fraudscore.predictservice.domain.Routing;
import dev.fraudscore.predictservice.domain.VersionPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.convert.DurationStyle;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a model folder's {@code config.yaml} and {@code routing.yaml}. A file that cannot be used is refused
 * with a sentence naming the file and what is wrong, so the caller can keep what it had.
 */
public final class ModelFolders {

    public static final String CONFIG = "config.yaml";
    public static final String ROUTING = "routing.yaml";
    private static final Set<String> DEVICES = Set.of("cpu", "gpu", "auto");
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Path root;
    private final ModelSettings defaults;

    /** @param defaults what a model without {@code config.yaml}, or a field it leaves out, gets */
    public ModelFolders(Path root, ModelSettings defaults) {
        this.root = root;
        this.defaults = defaults;
    }

    public ModelSettings defaults() {
        return defaults;
    }

    public Path file(String model, String name) {
        return root.resolve(model).resolve(name);
    }

    /** @throws IllegalArgumentException naming the file and what is wrong */
    public ModelSettings settings(String model) {
        Path file = file(model, CONFIG);
        ModelFolderFiles.Config config = read(file, ModelFolderFiles.Config.class).orElse(null);
        if (config == null) {
            return defaults;
        }
        try {
            return new ModelSettings(policy(config.versionPolicy()), batching(config.batching()), device(config.device()),
                    BackendSection.read(config.backend(), model, defaults.backend()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The routing the folder asks for; empty without {@code routing.yaml}.
     *
     * @throws IllegalArgumentException naming the file and what is wrong
     */
    public Optional<Routing> routing(String model) {
        Path file = file(model, ROUTING);
        return read(file, ModelFolderFiles.Routing.class).map(routing -> {
            try {
                if (routing.primary() == null || routing.primary().isBlank()) {
                    throw new IllegalArgumentException("primary is required: the version that answers by default");
                }
                ModelFolderFiles.Canary canary = routing.canary();
                if (canary != null && (canary.version() == null || canary.percent() == null)) {
                    throw new IllegalArgumentException("canary needs both version and percent, e.g. {version: 4, percent: 10}");
                }
                return new Routing(routing.primary(), canary == null ? null : canary.version(),
                        canary == null ? 0 : canary.percent(), routing.shadows());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
        });
    }

    private VersionPolicy policy(ModelFolderFiles.Policy policy) {
        if (policy == null) {
            return defaults.versionPolicy();
        }
        int given = (policy.latest() != null ? 1 : 0) + (policy.specific() != null ? 1 : 0)
                + (Boolean.TRUE.equals(policy.all()) ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("versionPolicy takes exactly one of latest: N, specific: [versions] or"
                    + " all: true");
        }
        if (policy.latest() != null) {
            return VersionPolicy.latest(policy.latest());
        }
        return policy.specific() != null
                ? new VersionPolicy(VersionPolicy.Kind.SPECIFIC, 0, Set.copyOf(policy.specific()))
                : new VersionPolicy(VersionPolicy.Kind.ALL, 0, Set.of());
    }

    private BatchingConfig batching(ModelFolderFiles.Batching batching) {
        BatchingConfig fallback = defaults.batching();
        if (batching == null) {
            return fallback;
        }
        Duration delay = batching.maxQueueDelay() == null ? fallback.maxQueueDelay() : parse(batching.maxQueueDelay());
        return new BatchingConfig(batching.maxBatchSize() == null ? fallback.maxBatchSize() : batching.maxBatchSize(),
                delay, batching.maxQueuedRows() == null ? fallback.maxQueuedRows() : batching.maxQueuedRows());
    }

    private static Duration parse(String delay) {
        try {
            return DurationStyle.detectAndParse(delay);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("batching.maxQueueDelay '" + delay + "' is not a duration such as 2ms");
        }
    }

    private String device(String device) {
        if (device == null) {
            return defaults.device();
        }
        if (!DEVICES.contains(device)) {
            throw new IllegalArgumentException("device '" + device + "' is not one of cpu, gpu, auto");
        }
        return device;
    }

    private static <T> Optional<T> read(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(YAML.readValue(file.toFile(), type));
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + ": " + e.getOriginalMessage() + location(e));
        }
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    /** Device names, for error sentences and documentation. */
    public static List<String> devices() {
        return List.of("cpu", "gpu", "auto");
    }
}
