package dev.fraudscore.predictservice.domain;

import dev.fraudscore.domain.DomainException;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.predictservice.batching.BatchingException;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Routes a request to a version, checks it against that version, and queues it for the version's next
 * forward pass. The answer comes from the version that was routed to, even if it is unloaded meanwhile;
 * shadow versions score the same rows off the request path and are only recorded. Knows nothing of gRPC.
 */
public final class Predictor {

    private static final int ROUTE_ATTEMPTS = 3;

    private final ModelRegistry registry;
    private final RequestValidator validator;
    private final ShadowRecorder shadows;

    public Predictor(ModelRegistry registry, RequestValidator validator, ShadowRecorder shadows) {
        this.registry = registry;
        this.validator = validator;
        this.shadows = shadows;
    }

    /**
     * @return the scores, or a future failed with a {@link DomainException} saying why there are none
     * @throws DomainException when the request is refused before it is queued
     */
    public CompletableFuture<Prediction> predict(PredictQuery query) {
        for (int attempt = 0; attempt < ROUTE_ATTEMPTS; attempt++) {
            ServedModel model = resolve(query.model());
            ServingVersion chosen = choose(model, query);
            if (!chosen.tryHold()) {
                continue; // retired between the read and the hold: read the new picture
            }
            try {
                validator.checkFeatureSet(chosen.manifest(), query.featureSet());
                validator.checkRows(chosen.manifest(), query.rows());
            } catch (RuntimeException refused) {
                chosen.release();
                throw refused;
            }
            CompletableFuture<float[]> scores = chosen.submit(query.rows(), query.deadline());
            scores.whenComplete((s, e) -> chosen.release());
            if (!query.namesVersion() && model.routing() != null) {
                shadow(model, chosen, query, scores);
            }
            CompletableFuture<Prediction> result = scores.handle((s, e) -> {
                if (e != null) {
                    throw new CompletionException(toDomain(e));
                }
                return new Prediction(chosen.manifest(), s);
            });
            // a caller that gives up (cancelled call) takes its rows out of the queue
            result.whenComplete((p, e) -> {
                if (e instanceof CancellationException) {
                    scores.cancel(false);
                }
            });
            return result;
        }
        throw PredictionException.unavailable("the versions of " + query.model() + " changed " + ROUTE_ATTEMPTS
                + " times while routing this request; retry");
    }

    /**
     * The manifest whose inputs a request for {@code model} and {@code version} must follow now: the named
     * version's, or the primary's (a canary or shadow shares the primary's feature set). For callers that
     * send values by feature name or no feature set of their own (the TorchServe and KServe v2 faces).
     *
     * @throws DomainException NOT_FOUND or UNAVAILABLE, as {@link #predict} would for the same request
     */
    public ModelManifest schema(String model, String version) {
        ServedModel served = resolve(model);
        return choose(served, new PredictQuery(model, version, null, null, null, Instant.MAX)).manifest();
    }

    private ServedModel resolve(String requested) {
        String name = requested == null || requested.isEmpty() ? registry.defaultModel() : requested;
        return registry.model(name).filter(m -> !m.statuses().isEmpty()).orElseThrow(() -> registry.absent(name));
    }

    private static ServingVersion choose(ServedModel model, PredictQuery query) {
        if (query.namesVersion()) {
            ServingVersion named = model.ready().get(query.version());
            if (named == null) {
                throw PredictionException.notFound("version " + query.version() + " of " + model.name()
                        + " is not served; its versions: " + model.describeVersions());
            }
            return named;
        }
        if (model.routing() == null) {
            throw PredictionException.unavailable("model " + model.name() + " has no servable version yet; its versions: "
                    + model.describeVersions());
        }
        ServingVersion routed = model.ready().get(model.routing().versionFor(query.routingKey()));
        return routed != null ? routed : model.primary().orElseThrow(() -> PredictionException.unavailable(
                "the primary version of " + model.name() + " is not servable; its versions: " + model.describeVersions()));
    }

    private void shadow(ServedModel model, ServingVersion chosen, PredictQuery query, CompletableFuture<float[]> answer) {
        for (String version : model.routing().shadows()) {
            ServingVersion shadow = model.ready().get(version);
            if (shadow == null || shadow == chosen || !shadow.tryHold()) {
                continue;
            }
            CompletableFuture<float[]> shadowScores = shadow.submitInBackground(query.rows(), query.deadline());
            shadowScores.whenComplete((s, e) -> shadow.release());
            answer.thenAcceptBoth(shadowScores, (p, s) -> shadows.record(chosen.manifest(), p, shadow.manifest(), s));
        }
    }

    /** What the batcher refused, as the domain says it. */
    static DomainException toDomain(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof DomainException domain) {
            return domain;
        }
        if (cause instanceof BatchingException refused) {
            DomainException.Kind kind = switch (refused.kind()) {
                case QUEUE_FULL -> DomainException.Kind.OVERLOADED;
                case DEADLINE_PASSED -> DomainException.Kind.TOO_LATE;
                case SHUTTING_DOWN -> DomainException.Kind.UNAVAILABLE;
            };
            return new DomainException(kind, refused.getMessage());
        }
        throw new CompletionException(cause);
    }
}
