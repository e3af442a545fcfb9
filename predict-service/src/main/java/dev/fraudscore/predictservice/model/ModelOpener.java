package dev.fraudscore.predictservice.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.fraudscore.model.InvalidModelException;
import dev.fraudscore.model.LoadedModel;
import dev.fraudscore.model.ModelRepository;
import dev.fraudscore.predictservice.domain.ModelVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens one model version of a repository for serving, on the device its model asks for. */
@FunctionalInterface
public interface ModelOpener {

    /** @param device {@code cpu}, {@code gpu} or {@code auto} */
    ModelVersion open(ModelRepository repository, String name, String version, String device);

    /** DJL in-process: {@code auto} takes the GPU when DJL sees one; {@code gpu} without one is refused. */
    static ModelOpener djl() {
        return (repository, name, version, asked) -> {
            Logger log = LoggerFactory.getLogger(ModelOpener.class);
            Engine engine = Engine.getInstance();
            int gpus = engine.getGpuCount();
            if ("gpu".equals(asked) && gpus == 0) {
                throw new InvalidModelException("the model's config.yaml asks for device gpu, but DJL ("
                        + engine.getEngineName() + " " + engine.getVersion() + ") sees no GPU; use cpu or auto");
            }
            Device device = "cpu".equals(asked) || gpus == 0 ? Device.cpu() : Device.gpu();
            log.info("{}/{} goes on {} (device {} asked; DJL {} {} sees {} GPU(s))", name, version, device, asked,
                    engine.getEngineName(), engine.getVersion(), gpus);
            return new DjlModelVersion(LoadedModel.load(repository, name, version, device));
        };
    }
}
