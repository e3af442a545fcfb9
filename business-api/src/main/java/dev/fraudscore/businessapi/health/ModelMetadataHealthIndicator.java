package dev.fraudscore.businessapi.health;

import dev.fraudscore.businessapi.grpc.DownstreamWarmup;
import dev.fraudscore.businessapi.grpc.ModelMetadataCache;
import dev.fraudscore.contracts.predict.v1.ModelMetadata;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "model": business-api learns which feature set to request from
 * predict-service, so it is not ready (HTTP 503) until it has done so once and has warmed the calls to
 * predict- and postprocess-service ({@link DownstreamWarmup}). Afterwards it stays UP
 * when predict-service goes away: requests are then answered degraded, which is this service's job.
 */
@Component
public class ModelMetadataHealthIndicator implements HealthIndicator {

    private final ModelMetadataCache models;
    private final DownstreamWarmup warmup;

    public ModelMetadataHealthIndicator(ModelMetadataCache models, DownstreamWarmup warmup) {
        this.models = models;
        this.warmup = warmup;
    }

    @Override
    public Health health() {
        Optional<ModelMetadata> known = models.current();
        if (known.isEmpty()) {
            return Health.outOfService()
                    .withDetail("reason", "waiting for predict-service to say which model and feature set it serves")
                    .build();
        }
        if (!warmup.done()) {
            return Health.outOfService().withDetail("reason", "warming up the calls to predict- and postprocess-service")
                    .build();
        }
        ModelMetadata metadata = known.get();
        return Health.up()
                .withDetail("model", metadata.getModel().getName() + "/" + metadata.getModel().getVersion())
                .withDetail("featureSet", metadata.getFeatureSet().getName() + "_v" + metadata.getFeatureSet().getVersion())
                .build();
    }
}
