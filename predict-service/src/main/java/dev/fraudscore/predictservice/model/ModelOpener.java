package dev.fraudscore.predictservice.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.fraudscore.model.LoadedModel;
import dev.fraudscore.model.ModelRepository;
import dev.fraudscore.predictservice.domain.ServedModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens one model version of a repository for serving. */
@FunctionalInterface
public interface ModelOpener {

    ServedModel open(ModelRepository repository, String name, String version);

    /** DJL in-process, on the GPU when DJL sees one, else on the CPU. */
    static ModelOpener djl() {
        return (repository, name, version) -> {
            Logger log = LoggerFactory.getLogger(ModelOpener.class);
            Engine engine = Engine.getInstance();
            Device device = LoadedModel.preferredDevice();
            log.info("DJL engine {} {} sees {} GPU(s): {}/{} goes on {}", engine.getEngineName(), engine.getVersion(),
                    engine.getGpuCount(), name, version, device);
            return new DjlServedModel(LoadedModel.load(repository, name, version, device));
        };
    }
}
