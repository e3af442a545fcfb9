package dev.fraudscore.predictservice.standard;

import dev.fraudscore.domain.DomainException;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.predictservice.domain.ModelRegistry;
import dev.fraudscore.predictservice.domain.Prediction;
import dev.fraudscore.predictservice.domain.PredictionException;
import dev.fraudscore.predictservice.domain.ServedModel;
import dev.fraudscore.support.readiness.ReadinessGate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The Open Inference Protocol (KServe v2) as predict-service implements it, whatever the transport: health,
 * server and model metadata, and inference through {@link StandardScoring}. The REST and gRPC endpoints only
 * translate to and from these calls.
 */
public final class OipServer {

    /** The request parameter that decides the canary split, as {@code routing_key} does in our own Predict. */
    public static final String ROUTING_KEY = "routing_key";

    /** What {@code GET /v2} and ServerMetadata answer; no protocol extension is implemented. */
    public record ServerInfo(String name, String version, List<String> extensions) {
    }

    /** @param version {@code null} or empty: the routing decides; {@code outputs} empty: every output */
    public record InferCall(String model, String version, String id, String routingKey, List<InputTensor> inputs,
            List<String> outputs) {
    }

    /** @param output the one output tensor, its shape {@code [n, 1]} */
    public record InferResult(String model, String version, String id, TensorSpec output, float[] data) {
    }

    private final ModelRegistry registry;
    private final StandardScoring scoring;
    private final ReadinessGate gate;
    private final ServerInfo server;

    public OipServer(ModelRegistry registry, StandardScoring scoring, ReadinessGate gate, String name, String version) {
        this.registry = registry;
        this.scoring = scoring;
        this.gate = gate;
        this.server = new ServerInfo(name, version, List.of());
    }

    public ServerInfo serverMetadata() {
        return server;
    }

    /** Why the server cannot score yet (the readiness of grpc.health.v1 and the actuator); empty when it can. */
    public Optional<String> whyServerNotReady() {
        if (gate.isReady()) {
            return Optional.empty();
        }
        return Optional.of("predict-service is not ready: " + gate.health().getDetails().values().stream()
                .map(String::valueOf).collect(Collectors.joining("; ")));
    }

    /**
     * Why the model (the version, when named) cannot score now; empty when it can.
     *
     * @throws DomainException NOT_FOUND for a model or version the service does not know
     */
    public Optional<String> whyModelNotReady(String model, String version) {
        ServedModel served = registry.model(model).filter(m -> !m.statuses().isEmpty()).orElse(null);
        if (served == null) {
            return absent(model);
        }
        if (version == null || version.isEmpty()) {
            return served.primary().isPresent() ? Optional.empty() : Optional.of("model " + model
                    + " has no servable version; its versions: " + served.describeVersions());
        }
        if (!served.statuses().containsKey(version)) {
            throw PredictionException.notFound("model " + model + " has no version " + version + "; its versions: "
                    + served.describeVersions());
        }
        return served.ready().containsKey(version) ? Optional.empty() : Optional.of("version " + version + " of "
                + model + " is not servable; its versions: " + served.describeVersions());
    }

    /**
     * @throws DomainException NOT_FOUND for a model or version not served, UNAVAILABLE while
     *     the model has no servable version
     */
    public ModelSignature metadata(String model, String version) {
        ModelManifest manifest = scoring.schema(model, version);
        return ModelSignature.of(registry.model(model).orElseThrow(() -> registry.absent(model)), manifest);
    }

    /** The answer; cancelling it takes the rows out of their batch queue. */
    public CompletableFuture<InferResult> infer(InferCall call, Instant deadline) {
        CompletableFuture<Prediction> prediction = scoring.score(call.model(), call.version(), call.routingKey(),
                manifest -> {
                    requireKnownOutputs(call.outputs(), manifest);
                    return TensorRows.rows(call.inputs(), manifest);
                }, deadline);
        CompletableFuture<InferResult> result = prediction.thenApply(answer -> {
            ModelManifest scored = answer.model();
            float[] scores = answer.scores();
            TensorSpec output = new TensorSpec(ModelSignature.outputName(scored), TensorRows.FP32,
                    List.of((long) scores.length, 1L));
            return new InferResult(scored.name(), scored.version(), call.id(), output, scores);
        });
        result.whenComplete((answer, failure) -> {
            if (failure instanceof CancellationException) {
                prediction.cancel(false);
            }
        });
        return result;
    }

    private static void requireKnownOutputs(List<String> requested, ModelManifest manifest) {
        String output = ModelSignature.outputName(manifest);
        for (String name : requested) {
            if (!output.equals(name)) {
                throw PredictionException.invalid("the request asks for output " + name + ", but model "
                        + manifest.name() + "/" + manifest.version() + " has one output, " + output);
            }
        }
    }

    /** The default model before its first version is UNAVAILABLE (not ready); any other unknown model NOT_FOUND. */
    private Optional<String> absent(String model) {
        PredictionException why = registry.absent(model);
        if (why.kind() == DomainException.Kind.NOT_FOUND) {
            throw why;
        }
        return Optional.of(why.getMessage());
    }
}
