package dev.fraudscore.predictservice.web.torchserve;

import dev.fraudscore.predictservice.standard.StandardScoring;
import dev.fraudscore.predictservice.web.torchserve.TorchServeJson.Status;
import dev.fraudscore.support.readiness.ReadinessGate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * TorchServe's inference API: {@code /ping}, {@code /predictions/{model}[/{version}]} and the API description.
 * A prediction goes through the same predictor as our gRPC (routing, batching, the request metric) and does not
 * hold a thread while it waits for its batch.
 */
@RestController
class InferenceApiController {

    private static final String DESCRIPTION = "/torchserve-openapi.json";

    private final StandardScoring scoring;
    private final ReadinessGate gate;
    private final JsonMapper json;
    private final byte[] description;

    InferenceApiController(StandardScoring scoring, ReadinessGate gate, JsonMapper json) {
        this.scoring = scoring;
        this.gate = gate;
        this.json = json;
        this.description = read(DESCRIPTION);
    }

    /** Healthy once the default model serves (the readiness of grpc.health.v1 and the actuator); else 500. */
    @GetMapping("/ping")
    ResponseEntity<Status> ping() {
        return gate.isReady() ? ResponseEntity.ok(new Status("Healthy"))
                : ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(new Status("Unhealthy"));
    }

    /** @param routingKey decides the canary split as our Predict's routing_key does; absent: the primary */
    @PostMapping({"/predictions/{model}", "/predictions/{model}/{version}"})
    CompletableFuture<ResponseEntity<Object>> predict(@PathVariable String model,
            @PathVariable(required = false) String version,
            @RequestParam(name = "routing_key", required = false) String routingKey,
            @RequestBody(required = false) byte[] body) {
        TorchServeRows rows = TorchServeRows.read(json, body);
        return scoring.score(model, version, routingKey, rows::rows, scoring.defaultDeadline())
                .thenApply(prediction -> ResponseEntity.ok(rows.answer(prediction)));
    }

    @GetMapping("/api-description")
    ResponseEntity<byte[]> apiDescription() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(description);
    }

    /** TorchServe answers {@code OPTIONS /} with the API description too. */
    @RequestMapping(path = "/", method = RequestMethod.OPTIONS)
    ResponseEntity<byte[]> options() {
        return apiDescription();
    }

    private static byte[] read(String resource) {
        try (InputStream in = InferenceApiController.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from predict-service's classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
