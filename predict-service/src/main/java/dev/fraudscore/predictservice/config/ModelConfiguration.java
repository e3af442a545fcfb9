package dev.fraudscore.predictservice.config;

import dev.fraudscore.features.FeatureSetId;
import dev.fraudscore.features.FeatureSets;
import dev.fraudscore.model.ModelRepository;
import dev.fraudscore.predictservice.batching.BatchingConfig;
import dev.fraudscore.predictservice.batching.MonotonicClock;
import dev.fraudscore.predictservice.domain.ModelRegistry;
import dev.fraudscore.predictservice.domain.Predictor;
import dev.fraudscore.predictservice.domain.RequestValidator;
import dev.fraudscore.predictservice.domain.VersionPolicy;
import dev.fraudscore.predictservice.grpc.SelfWarmup;
import dev.fraudscore.predictservice.metrics.ServingMetrics;
import dev.fraudscore.predictservice.model.ModelManager;
import dev.fraudscore.predictservice.model.ModelOpener;
import dev.fraudscore.predictservice.model.Warmup;
import dev.fraudscore.predictservice.remote.RemoteBackends;
import dev.fraudscore.predictservice.remote.RemotePolicy;
import dev.fraudscore.predictservice.repository.ModelFolders;
import dev.fraudscore.predictservice.repository.ModelSettings;
import dev.fraudscore.support.readiness.GrpcSelfWarmup;
import dev.fraudscore.support.readiness.ReadinessGate;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the model server: the registry, the manager that fills it from the repository, the predictor that reads it. */
@Configuration(proxyBeanMethods = false)
public class ModelConfiguration {

    private static final String GRPC_SERVER_ENABLED = "spring.grpc.server.enabled";

    /** The time of batch queues and request deadlines: monotonic, so a clock step cannot stall a queue. */
    @Bean
    Clock batchClock() {
        return new MonotonicClock();
    }

    @Bean
    ModelRegistry modelRegistry(PredictProperties properties) {
        return new ModelRegistry(properties.modelName());
    }

    @Bean
    ServingMetrics servingMetrics(MeterRegistry meters) {
        return new ServingMetrics(meters);
    }

    @Bean
    Predictor predictor(ModelRegistry registry, PredictProperties properties, ServingMetrics metrics) {
        return new Predictor(registry, new RequestValidator(properties.maxRowsPerRequest()), metrics);
    }

    /**
     * Ready once the default model has a servable version (loaded, validated and warmed up) and, where a gRPC server
     * runs (not in the embedded deployment), Predict has been warmed up over its port.
     */
    @Bean
    ReadinessGate readinessGate(PredictProperties properties,
            @Value("${" + GRPC_SERVER_ENABLED + ":true}") boolean grpcServer) {
        String noModel = "the default model " + properties.modelName() + " has no servable version yet";
        return grpcServer
                ? new ReadinessGate(ModelReadiness.CONDITION, noModel, GrpcSelfWarmup.CONDITION,
                        "warming up Predict over the gRPC port")
                : new ReadinessGate(ModelReadiness.CONDITION, noModel);
    }

    @Bean
    @ConditionalOnProperty(name = GRPC_SERVER_ENABLED, havingValue = "true", matchIfMissing = true)
    GrpcSelfWarmup selfWarmup(ReadinessGate gate) {
        return new GrpcSelfWarmup(gate, "predict-warmup",
                new SelfWarmup(gate, ModelReadiness.CONDITION)::warm);
    }

    /** DJL in-process; tests replace it to hold or break loads. */
    @Bean
    ModelOpener modelOpener() {
        return ModelOpener.djl();
    }

    @Bean
    ModelRepository modelRepository(PredictProperties properties) {
        return new ModelRepository(properties.modelRepository());
    }

    /** Each model's config.yaml and routing.yaml; the TorchServe management API reads and writes them too. */
    @Bean
    ModelFolders modelFolders(PredictProperties properties) {
        PredictProperties.Defaults defaults = properties.defaults();
        ModelSettings settings = new ModelSettings(VersionPolicy.latest(defaults.latestVersions()),
                new BatchingConfig(defaults.maxBatchSize(), defaults.maxQueueDelay(), defaults.maxQueuedRows()),
                defaults.device());
        return new ModelFolders(properties.modelRepository(), settings);
    }

    /** The clients and circuit breakers of the models whose config.yaml names a remote backend (torchserve). */
    @Bean(destroyMethod = "close")
    RemoteBackends remoteBackends(@Qualifier("batchClock") Clock batchClock) {
        return new RemoteBackends(RemotePolicy.defaults(), batchClock);
    }

    @Bean(destroyMethod = "close")
    ModelManager modelManager(PredictProperties properties, ModelRegistry registry, ServingMetrics metrics,
            ReadinessGate gate, @Qualifier("batchClock") Clock batchClock, ModelOpener opener, ModelRepository repository,
            ModelFolders folders, RemoteBackends remotes) {
        ModelManager manager = new ModelManager(repository, folders,
                registry, opener, remotes, servedFeatureSets(properties.servedFeatureSets()),
                new Warmup(properties.warmup().batchSizes(), properties.warmup().rounds(), properties.maxRowsPerRequest()),
                properties.maxRowsPerRequest(), batchClock, new ModelReadiness(gate, registry.defaultModel(), metrics));
        manager.start(properties.pollPeriod());
        return manager;
    }

    private static List<FeatureSetId> servedFeatureSets(List<String> ids) {
        return ids.stream().map(id -> FeatureSets.find(id).orElseThrow(() -> new IllegalArgumentException(
                "fraudscore.predict.served-feature-sets names " + id + ", which this build does not know; known: "
                        + String.join(", ", FeatureSets.all().stream().map(s -> s.id()).toList()))).ref()).toList();
    }
}
