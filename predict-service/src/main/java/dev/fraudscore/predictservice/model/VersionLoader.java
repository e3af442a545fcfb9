package dev.fraudscore.predictservice.model;

import dev.fraudscore.features.FeatureSetId;
import dev.fraudscore.model.InvalidModelException;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.model.ModelRepository;
import dev.fraudscore.predictservice.batching.DynamicBatcher;
import dev.fraudscore.predictservice.domain.ModelVersion;
import dev.fraudscore.predictservice.domain.ServingVersion;
import dev.fraudscore.predictservice.remote.RemoteBackends;
import dev.fraudscore.predictservice.repository.ModelSettings;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a version folder into a servable version: a valid manifest whose feature set is one the
 * feature-service serves, weights that load (or a remote server that says it is healthy), outputs that are
 * probabilities on warm-up rows of every batch size it will run, and its own batch queue. Anything less is an
 * {@link InvalidModelException} naming the reason, and nothing stays open.
 */
final class VersionLoader {

    private static final Logger log = LoggerFactory.getLogger(VersionLoader.class);

    private final ModelRepository repository;
    private final ModelOpener opener;
    private final RemoteBackends remotes;
    private final List<FeatureSetId> servedFeatureSets;
    private final Warmup warmup;
    private final int maxRows;
    private final Clock clock;
    private final ModelEvents events;

    VersionLoader(ModelRepository repository, ModelOpener opener, RemoteBackends remotes,
            List<FeatureSetId> servedFeatureSets, Warmup warmup, int maxRows, Clock clock, ModelEvents events) {
        this.repository = repository;
        this.opener = opener;
        this.remotes = remotes;
        this.servedFeatureSets = List.copyOf(servedFeatureSets);
        this.warmup = warmup;
        this.maxRows = maxRows;
        this.clock = clock;
        this.events = events;
    }

    ServingVersion load(String model, String version, ModelSettings settings, Runnable onClosed) {
        ModelManifest manifest = repository.readManifest(model, version);
        requireServedFeatureSet(manifest);
        long start = System.nanoTime();
        // a remote version is checked and warmed up as a local one: its manifest here, its forward pass there
        ModelVersion opened = settings.remote() ? remotes.open(manifest, settings.backend())
                : opener.open(repository, model, version, settings.device());
        try {
            Warmup.Report report = warmup.forBatchesUpTo(settings.batching().maxBatchSize(), maxRows).run(opened);
            log.info("loaded and warmed {} on {} in {} ms: {}", opened.ref(), opened.device(),
                    (System.nanoTime() - start) / 1_000_000, report.describe());
            DynamicBatcher batcher = DynamicBatcher.start(opened.ref(), settings.batching(), opened, clock,
                    events.batches(model, version));
            return new ServingVersion(opened, batcher, onClosed);
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    private void requireServedFeatureSet(ModelManifest manifest) {
        FeatureSetId trained = manifest.featureSet();
        if (servedFeatureSets.stream().noneMatch(trained::matches)) {
            throw new InvalidModelException("its manifest names feature set " + trained.describe()
                    + ", which no served feature set has; served: " + String.join(", ",
                    servedFeatureSets.stream().map(FeatureSetId::describe).toList())
                    + " (retrain on a served feature set, or serve this one in feature-service and list it in"
                    + " fraudscore.predict.served-feature-sets)");
        }
    }
}
