package dev.fraudscore.predictservice.standard;

import dev.fraudscore.model.ModelRepository;
import dev.fraudscore.predictservice.PredictServiceApplication;
import dev.fraudscore.predictservice.domain.ModelRegistry;
import dev.fraudscore.predictservice.domain.Predictor;
import dev.fraudscore.predictservice.metrics.ServingMetrics;
import dev.fraudscore.predictservice.model.Deployments;
import dev.fraudscore.predictservice.model.ModelManager;
import dev.fraudscore.predictservice.repository.ModelFolders;
import dev.fraudscore.predictservice.repository.RoutingFile;
import dev.fraudscore.predictservice.repository.VersionImport;
import dev.fraudscore.support.readiness.ReadinessGate;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the standard faces: TorchServe's REST API and the Open Inference Protocol (REST and gRPC). */
@Configuration(proxyBeanMethods = false)
public class StandardApiConfiguration {

    @Bean
    StandardScoring standardScoring(Predictor predictor, ServingMetrics metrics, Clock batchClock,
            StandardApiProperties properties) {
        return new StandardScoring(predictor, metrics, batchClock, properties.deadline());
    }

    @Bean
    OipServer oipServer(ModelRegistry registry, StandardScoring scoring, ReadinessGate gate,
            @Value("${spring.application.name:predict-service}") String name) {
        String version = Optional.ofNullable(PredictServiceApplication.class.getPackage().getImplementationVersion())
                .orElse("development");
        return new OipServer(registry, scoring, gate, name, version);
    }

    @Bean
    Deployments deployments(ModelManager manager, ModelRegistry registry, ModelRepository repository,
            ModelFolders folders) {
        return new Deployments(manager, registry, new VersionImport(repository), new RoutingFile(folders));
    }
}
