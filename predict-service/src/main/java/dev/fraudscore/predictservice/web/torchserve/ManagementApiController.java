package dev.fraudscore.predictservice.web.torchserve;

import dev.fraudscore.predictservice.domain.PredictionException;
import dev.fraudscore.predictservice.model.Deployments;
import dev.fraudscore.predictservice.web.torchserve.TorchServeJson.ModelDescription;
import dev.fraudscore.predictservice.web.torchserve.TorchServeJson.ModelList;
import dev.fraudscore.predictservice.web.torchserve.TorchServeJson.Status;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * TorchServe's management API on predict-service's HTTP port: list and describe models, register a version from a
 * path, make a version the default, unregister. The changes go through the model repository's files and the model
 * manager ({@link Deployments}), as a change by hand would, so they survive a restart.
 */
@RestController
@RequestMapping("/models")
class ManagementApiController {

    private final Deployments deployments;
    private final ModelDescriptions descriptions;

    ManagementApiController(Deployments deployments, ModelDescriptions descriptions) {
        this.deployments = deployments;
        this.descriptions = descriptions;
    }

    @GetMapping
    ModelList list(@RequestParam(defaultValue = "100") int limit,
            @RequestParam(name = "next_page_token", defaultValue = "0") int nextPageToken) {
        return descriptions.list(limit, nextPageToken);
    }

    /** @param version a version, {@code all}, or absent for the default version */
    @GetMapping({"/{model}", "/{model}/{version}"})
    List<ModelDescription> describe(@PathVariable String model, @PathVariable(required = false) String version) {
        return descriptions.describe(model, version);
    }

    /**
     * @param url         a version folder or a .mar, as a path on this machine (or a {@code file:} URI)
     * @param synchronous {@code false}: answer 202 once copied, without waiting for the version to load
     */
    @PostMapping
    CompletableFuture<ResponseEntity<Status>> register(@RequestParam(required = false) String url,
            @RequestParam(name = "model_name", required = false) String modelName,
            @RequestParam(required = false) Boolean synchronous) {
        Deployments.Registration registration = deployments.register(path(url), modelName);
        String name = "Model \"" + registration.version().name() + "\" version " + registration.version().version();
        if (Boolean.FALSE.equals(synchronous)) {
            return CompletableFuture.completedFuture(ResponseEntity.status(HttpStatus.ACCEPTED).body(new Status(name
                    + " copied into the model repository; it is loading (GET /models/" + registration.version().name()
                    + "/" + registration.version().version() + " shows when it serves)")));
        }
        return registration.loaded().thenApply(model -> ResponseEntity.ok(new Status(name
                + " registered: copied into the model repository, loaded, warmed up and serving")));
    }

    /** No workers to scale: answers that, for the scripts that call it after registering. */
    @PutMapping({"/{model}", "/{model}/{version}"})
    Status scale(@PathVariable String model, @PathVariable(required = false) String version) {
        descriptions.describe(model, version);
        return new Status("predict-service has no workers to scale: each version of model \"" + model
                + "\" serves from one batch queue; min_worker and max_worker are ignored");
    }

    @PutMapping("/{model}/{version}/set-default")
    CompletableFuture<Status> setDefault(@PathVariable String model, @PathVariable String version) {
        return deployments.makePrimary(model, version).thenApply(served -> new Status("Version " + version
                + " is now the default of model \"" + model + "\" (routing: " + served.routing() + ")"));
    }

    /** Without a version: every version of the model. The files stay in the repository. */
    @DeleteMapping({"/{model}", "/{model}/{version}"})
    CompletableFuture<Status> unregister(@PathVariable String model, @PathVariable(required = false) String version) {
        return deployments.unload(model, version).thenApply(served -> new Status("Model \"" + model + "\""
                + (version == null ? "" : " version " + version) + " unregistered: unloaded, its files stay in the"
                + " model repository"));
    }

    private static Path path(String url) {
        if (url == null || url.isBlank()) {
            throw PredictionException.invalid("parameter url is required: the path, on predict-service's machine, of"
                    + " a version folder (manifest.json beside its weights) or of a .mar file");
        }
        if (url.contains("://") && !url.startsWith("file:")) {
            throw PredictionException.invalid("url " + url + " is not a local path; predict-service does not download"
                    + " models: copy the version onto its machine and give that path");
        }
        Path path;
        try {
            path = url.startsWith("file:") ? Path.of(URI.create(url)) : Path.of(url);
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw PredictionException.invalid("url " + url + " is not a path: " + e.getMessage());
        }
        if (!path.isAbsolute()) {
            throw PredictionException.invalid("url " + url + " is a relative path; give an absolute path on"
                    + " predict-service's machine");
        }
        return path;
    }
}
