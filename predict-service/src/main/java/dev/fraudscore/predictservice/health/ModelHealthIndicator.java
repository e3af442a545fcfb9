package dev.fraudscore.predictservice.health;

import dev.fraudscore.predictservice.domain.ModelSlot;
import dev.fraudscore.predictservice.domain.ServedModel;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component "model": DOWN (so HTTP 503) until the model is loaded and warmed. */
@Component
public class ModelHealthIndicator implements HealthIndicator {

    private final ModelSlot slot;

    public ModelHealthIndicator(ModelSlot slot) {
        this.slot = slot;
    }

    @Override
    public Health health() {
        ModelSlot.State state = slot.state();
        if (state instanceof ModelSlot.Ready ready) {
            ServedModel model = ready.model();
            return Health.up()
                    .withDetail("model", model.ref())
                    .withDetail("featureSet", model.manifest().featureSet().id())
                    .withDetail("fingerprint", model.manifest().featureSet().fingerprint())
                    .withDetail("device", model.device())
                    .build();
        }
        String reason = state instanceof ModelSlot.Loading loading
                ? loading.sentence() : ((ModelSlot.Unavailable) state).sentence();
        return Health.down().withDetail("reason", reason).build();
    }
}
