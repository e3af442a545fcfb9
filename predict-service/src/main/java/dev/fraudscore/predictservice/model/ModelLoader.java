package dev.fraudscore.predictservice.model;

import dev.fraudscore.model.InvalidModelException;
import dev.fraudscore.model.ModelRepository;
import dev.fraudscore.predictservice.domain.ModelSlot;
import dev.fraudscore.predictservice.domain.ServedModel;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the newest version of the configured model, opens it, warms it up and only then puts it in the
 * slot. Every failure leaves the slot {@code Unavailable} with a sentence, and the service running.
 */
public final class ModelLoader implements Runnable {

    /** The trainer (tools/trainer) writes model versions; its command line, for the sentence on a missing model. */
    static String trainerCommand(Path dir, String name) {
        return "java -jar tools/trainer/target/trainer-0.1.0-SNAPSHOT-exec.jar --models-dir " + dir + " --name " + name;
    }

    private static final Logger log = LoggerFactory.getLogger(ModelLoader.class);

    private final ModelRepository repository;
    private final String modelName;
    private final ModelOpener opener;
    private final Warmup warmup;
    private final ModelSlot slot;

    public ModelLoader(ModelRepository repository, String modelName, ModelOpener opener, Warmup warmup, ModelSlot slot) {
        this.repository = repository;
        this.modelName = modelName;
        this.opener = opener;
        this.warmup = warmup;
        this.slot = slot;
    }

    @Override
    public void run() {
        Path dir = repository.root().toAbsolutePath().normalize();
        String ref = modelName;
        try {
            log.info("looking for the newest version of {} in {}", modelName, dir);
            Optional<String> version = repository.newestVersion(modelName);
            if (version.isEmpty()) {
                String sentence = "no model version found in " + dir + " for " + modelName + "; train one with: "
                        + trainerCommand(dir, modelName);
                slot.unavailable(sentence);
                log.warn("{} (predict-service keeps running and reports NOT_SERVING)", sentence);
                return;
            }
            ref = modelName + "/" + version.get();
            long start = System.nanoTime();
            ServedModel model = opener.open(repository, modelName, version.get());
            log.info("loaded {} (feature set {}, fingerprint {}) on {} in {} ms", ref, model.manifest().featureSet().id(),
                    model.manifest().featureSet().fingerprint(), model.device(), (System.nanoTime() - start) / 1_000_000);
            serve(model);
        } catch (InvalidModelException e) {
            refuse(ref, e.getMessage(), null);
        } catch (RuntimeException | LinkageError e) {
            // e.g. the native PyTorch library cannot be loaded; the operator needs the stack trace in the log
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            refuse(ref, "cannot load " + ref + " from " + dir + ": " + reason, e);
        }
    }

    private void serve(ServedModel model) {
        try {
            Warmup.Report report = warmup.run(model);
            log.info("warm-up of {} on {}: {}", model.ref(), model.device(), report.describe());
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        if (slot.ready(model)) {
            log.info("{} is ready: serving feature set {} (fingerprint {}) on {}", model.ref(),
                    model.manifest().featureSet().id(), model.manifest().featureSet().fingerprint(), model.device());
        } else {
            model.close();
            log.info("{} finished loading after shutdown began; released it", model.ref());
        }
    }

    private void refuse(String ref, String sentence, Throwable cause) {
        slot.unavailable(sentence);
        String line = "cannot serve " + ref + ": " + sentence + " (predict-service keeps running and reports NOT_SERVING)";
        if (cause == null) {
            log.error(line);
        } else {
            log.error(line, cause);
        }
    }
}
