package dev.fraudscore.embedded.ports;

import dev.fraudscore.businessapi.domain.ModelId;
import dev.fraudscore.businessapi.pipeline.ModelCatalog;
import dev.fraudscore.businessapi.pipeline.ServedModel;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.predictservice.domain.ModelRegistry;
import java.util.Optional;

/** {@link ModelCatalog} read straight from the model registry: always current, so there is nothing to refresh. */
public final class RegistryCatalog implements ModelCatalog {

    private final ModelRegistry registry;

    public RegistryCatalog(ModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Optional<ServedModel> current() {
        return registry.model(registry.defaultModel())
                .flatMap(dev.fraudscore.predictservice.domain.ServedModel::primary)
                .map(primary -> {
                    ModelManifest manifest = primary.manifest();
                    return new ServedModel(new ModelId(manifest.name(), manifest.version()), manifest.featureSet(),
                            manifest.inputs().size());
                });
    }

    @Override
    public void refreshSoon() {
        // the registry is the source itself
    }
}
