package dev.fraudscore.predictservice.web.oip;

import dev.fraudscore.predictservice.standard.ModelSignature;
import dev.fraudscore.predictservice.standard.OipServer;
import dev.fraudscore.predictservice.standard.StandardScoring;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Open Inference Protocol (KServe v2) over REST: health, server and model metadata, inference. A request
 * without a version follows the model's routing; an inference does not hold a thread while it waits for its batch.
 */
@RestController
@RequestMapping("/v2")
class OipRestController {

    private final OipServer server;
    private final StandardScoring scoring;
    private final JsonMapper json;

    OipRestController(OipServer server, StandardScoring scoring, JsonMapper json) {
        this.server = server;
        this.scoring = scoring;
        this.json = json;
    }

    @GetMapping({"", "/"})
    OipServer.ServerInfo serverMetadata() {
        return server.serverMetadata();
    }

    @GetMapping("/health/live")
    OipJson.Live live() {
        return new OipJson.Live(true);
    }

    @GetMapping("/health/ready")
    ResponseEntity<Object> ready() {
        Optional<String> why = server.whyServerNotReady();
        return why.<ResponseEntity<Object>>map(OipRestController::unavailable)
                .orElseGet(() -> ResponseEntity.ok(new OipJson.Ready(true)));
    }

    @GetMapping({"/models/{model}", "/models/{model}/versions/{version}"})
    ModelSignature metadata(@PathVariable String model, @PathVariable(required = false) String version) {
        return server.metadata(model, version);
    }

    @GetMapping({"/models/{model}/ready", "/models/{model}/versions/{version}/ready"})
    ResponseEntity<Object> modelReady(@PathVariable String model, @PathVariable(required = false) String version) {
        Optional<String> why = server.whyModelNotReady(model, version);
        return why.<ResponseEntity<Object>>map(OipRestController::unavailable)
                .orElseGet(() -> ResponseEntity.ok(new OipJson.ModelReady(model, true)));
    }

    @PostMapping({"/models/{model}/infer", "/models/{model}/versions/{version}/infer"})
    CompletableFuture<OipJson.InferResponse> infer(@PathVariable String model,
            @PathVariable(required = false) String version, @RequestBody(required = false) byte[] body) {
        return server.infer(OipJson.call(json, model, version, body), scoring.defaultDeadline()).thenApply(OipJson::response);
    }

    private static ResponseEntity<Object> unavailable(String why) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new OipJson.Error(why));
    }
}
