package dev.fraudscore.predictservice.model;

import dev.fraudscore.domain.DomainException;
import dev.fraudscore.predictservice.domain.ModelRegistry;
import dev.fraudscore.predictservice.domain.PredictionException;
import dev.fraudscore.predictservice.domain.ServedModel;
import dev.fraudscore.predictservice.repository.RoutingFile;
import dev.fraudscore.predictservice.repository.VersionImport;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The repository changes an operator asks for through an API (TorchServe's management API today): register a
 * version from a path (copy it in, then load it), make a version the primary (in {@code routing.yaml}, so it
 * survives a restart), and unload a version. Every change goes through the files and the {@link ModelManager}, as
 * a change made by hand would.
 */
public final class Deployments {

    private static final Logger log = LoggerFactory.getLogger(Deployments.class);

    /** A registered version and its load: done when it serves, failed (and removed again) when it cannot. */
    public record Registration(VersionImport.Imported version, CompletableFuture<ServedModel> loaded) {
    }

    private final ModelManager manager;
    private final ModelRegistry registry;
    private final VersionImport imports;
    private final RoutingFile routingFile;

    public Deployments(ModelManager manager, ModelRegistry registry, VersionImport imports, RoutingFile routingFile) {
        this.manager = manager;
        this.registry = registry;
        this.imports = imports;
        this.routingFile = routingFile;
    }

    /**
     * Copies the version at {@code source} into the repository and loads it (it stays loaded outside the
     * version policy, as LoadModel does). A version that cannot be served is taken out of the repository again
     * and the load fails with INVALID and its reason, so a registration either serves or leaves nothing.
     */
    public Registration register(Path source, String expectedName) {
        VersionImport.Imported imported = imports.copy(source, expectedName);
        log.info("{}/{} copied from {} into the model repository; loading it", imported.name(), imported.version(), source);
        CompletableFuture<ServedModel> loaded = manager.load(imported.name(), imported.version()).thenApply(model -> {
            if (model.ready().containsKey(imported.version())) {
                return model;
            }
            var status = model.statuses().get(imported.version());
            imports.remove(imported);
            throw PredictionException.invalid("version " + imported.version() + " of " + imported.name()
                    + " was copied from " + source + " but cannot be served: "
                    + (status == null || status.reason() == null ? "it did not load" : status.reason())
                    + "; it was taken out of the repository again");
        });
        return new Registration(imported, loaded);
    }

    /**
     * Makes a servable version the primary: {@code routing.yaml} names it (canary and shadows kept), and the model
     * is rescanned so that requests follow it at once. A routing the service refuses (a canary or shadow on
     * another feature set than the new primary) puts the previous file back and fails with MISMATCH.
     */
    public CompletableFuture<ServedModel> makePrimary(String model, String version) {
        ServedModel served = known(model);
        if (!served.ready().containsKey(version)) {
            throw PredictionException.notFound("version " + version + " of " + model + " is not servable, so it cannot"
                    + " be the default; its versions: " + served.describeVersions());
        }
        Optional<byte[]> before;
        synchronized (this) {
            before = routingFile.snapshot(model);
            routingFile.writePrimary(model, version);
        }
        return manager.load(model, null).thenCompose(now -> {
            if (now.routingError() == null && now.routing() != null && version.equals(now.routing().primary())) {
                return CompletableFuture.completedFuture(now);
            }
            String refused = now.routingError() == null ? "requests still follow " + now.routing() : now.routingError();
            routingFile.restore(model, before);
            return manager.load(model, null).thenApply(restored -> {
                throw new CompletionException(new DomainException(DomainException.Kind.MISMATCH, "version " + version
                        + " of " + model + " cannot be the default: " + refused + "; the previous routing is back"));
            });
        });
    }

    /**
     * Unloads a version (every version without one); its files stay. The primary is not unloaded while another
     * version serves: make another version the default first, so requests never lose their routing.
     */
    public CompletableFuture<ServedModel> unload(String model, String version) {
        ServedModel served = known(model);
        if (version != null) {
            if (!served.statuses().containsKey(version)) {
                throw PredictionException.notFound("model " + model + " has no version " + version + "; its versions: "
                        + served.describeVersions());
            }
            boolean primary = served.routing() != null && version.equals(served.routing().primary());
            if (primary && served.ready().size() > 1) {
                throw new DomainException(DomainException.Kind.MISMATCH, "version " + version + " is the default version"
                        + " of " + model + "; make another version the default first (its versions: "
                        + served.describeVersions() + ")");
            }
        }
        return manager.unload(model, version);
    }

    private ServedModel known(String model) {
        return registry.model(model).filter(m -> !m.statuses().isEmpty())
                .orElseThrow(() -> PredictionException.notFound("model " + model + " is not served here; served: "
                        + String.join(", ", registry.servedModels())));
    }
}
