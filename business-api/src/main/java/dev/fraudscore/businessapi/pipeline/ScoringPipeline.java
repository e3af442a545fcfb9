package dev.fraudscore.businessapi.pipeline;

import dev.fraudscore.businessapi.domain.Degradation;
import dev.fraudscore.businessapi.domain.FraudScore;
import dev.fraudscore.businessapi.domain.PipelineOutcome;
import dev.fraudscore.businessapi.domain.PolicyDecision;
import dev.fraudscore.businessapi.domain.RejectedTransactionException;
import dev.fraudscore.businessapi.domain.RequestDeadline;
import dev.fraudscore.businessapi.grpc.DownstreamFailure;
import dev.fraudscore.businessapi.grpc.FeatureClient;
import dev.fraudscore.businessapi.grpc.ModelMetadataCache;
import dev.fraudscore.businessapi.grpc.PostprocessClient;
import dev.fraudscore.businessapi.grpc.PredictClient;
import dev.fraudscore.businessapi.grpc.ProtoNumbers;
import dev.fraudscore.contracts.common.v1.FeatureSetRef;
import dev.fraudscore.contracts.common.v1.ModelRef;
import dev.fraudscore.contracts.feature.v1.GetFeaturesRequest;
import dev.fraudscore.contracts.feature.v1.GetFeaturesResponse;
import dev.fraudscore.contracts.feature.v1.Transaction;
import dev.fraudscore.contracts.postprocess.v1.DecideRequest;
import dev.fraudscore.contracts.postprocess.v1.Unavailable;
import dev.fraudscore.contracts.predict.v1.ModelMetadata;
import dev.fraudscore.contracts.predict.v1.PredictRequest;
import dev.fraudscore.contracts.predict.v1.Row;
import io.grpc.Status;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * features → predict → postprocess for one transaction, within the request's deadline. A part that is
 * slow, down or behind an open breaker is skipped and the answer says so; only a refusal that is the
 * caller's to fix (a bad transaction, a reused id) ends the request with an error.
 */
public final class ScoringPipeline {

    private static final Logger log = LoggerFactory.getLogger(ScoringPipeline.class);

    private final ModelMetadataCache models;
    private final FeatureClient features;
    private final PredictClient predict;
    private final PostprocessClient postprocess;
    private final Duration postprocessReserve;

    /**
     * @param postprocessReserve time kept back from the features and predict calls so that
     *                           postprocess-service can still answer within the deadline
     */
    public ScoringPipeline(ModelMetadataCache models, FeatureClient features, PredictClient predict,
            PostprocessClient postprocess, Duration postprocessReserve) {
        this.models = models;
        this.features = features;
        this.predict = predict;
        this.postprocess = postprocess;
        this.postprocessReserve = postprocessReserve;
    }

    public PipelineOutcome run(Transaction tx, RequestDeadline deadline) {
        Optional<ModelMetadata> metadata = models.current();
        if (metadata.isEmpty()) {
            // the feature set to ask for comes from the model; without it neither can run
            models.refreshSoon();
            return decide(tx, deadline, new Partial(null, Degradation.MODEL_UNAVAILABLE, null, null, Map.of()));
        }
        ModelRef model = metadata.get().getModel();
        FeatureSetRef wanted = metadata.get().getFeatureSet();
        GetFeaturesResponse vector;
        try {
            vector = features.getFeatures(GetFeaturesRequest.newBuilder().setTransaction(tx).setFeatureSet(wanted).build(),
                    deadline.budgetFor(features.guard().timeout(), postprocessReserve));
        } catch (DownstreamFailure failure) {
            rejectIfCallersFault(failure, tx.getTransactionId());
            if (failure.is(Status.Code.FAILED_PRECONDITION) || failure.is(Status.Code.NOT_FOUND)) {
                models.refreshSoon();
            }
            log.debug("Skipping the model for {}: {}", tx.getTransactionId(), failure.getMessage());
            return decide(tx, deadline, new Partial(null, Degradation.FEATURES_UNAVAILABLE, model, wanted, Map.of()));
        }
        FeatureSetRef used = vector.hasFeatureSet() ? vector.getFeatureSet() : wanted;
        Map<String, Float> named = new LinkedHashMap<>();
        for (int i = 0; i < vector.getNamesCount(); i++) {
            named.put(vector.getNames(i), vector.getValues(i));
        }
        try {
            PredictClient.Scored scored = predict.predictOne(PredictRequest.newBuilder().setFeatureSet(used)
                            .addRows(Row.newBuilder().addAllValues(vector.getValuesList())).build(),
                    deadline.budgetFor(predict.guard().timeout(), postprocessReserve));
            ModelRef scoredBy = scored.response().hasModel() ? scored.response().getModel() : model;
            return decide(tx, deadline, new Partial(scored.score(), null, scoredBy, used, named));
        } catch (DownstreamFailure failure) {
            if (failure.is(Status.Code.FAILED_PRECONDITION)) {
                // the model changed under us (or disagrees with feature-service): learn the new one
                models.refreshSoon();
            }
            log.debug("No score for {}: {}", tx.getTransactionId(), failure.getMessage());
            return decide(tx, deadline, new Partial(null, Degradation.MODEL_UNAVAILABLE, model, used, named));
        }
    }

    /**
     * Only feature-service sees the caller's data and refuses it before recording anything; predict and
     * postprocess get our own vector and score, so their refusals are our faults and degrade instead.
     */
    private static void rejectIfCallersFault(DownstreamFailure failure, String transactionId) {
        if (failure.is(Status.Code.INVALID_ARGUMENT)) {
            throw RejectedTransactionException.invalid("feature-service refused the transaction: " + failure.description());
        }
        if (failure.is(Status.Code.ALREADY_EXISTS)) {
            throw RejectedTransactionException.idReused(transactionId);
        }
    }

    private PipelineOutcome decide(Transaction tx, RequestDeadline deadline, Partial partial) {
        DecideRequest.Builder request = DecideRequest.newBuilder()
                .setTransactionId(tx.getTransactionId())
                .putAllFeatures(partial.features());
        if (partial.score() != null) {
            request.setScore(partial.score());
        } else {
            request.setUnavailable(partial.skipped() == Degradation.FEATURES_UNAVAILABLE
                    ? Unavailable.FEATURES_UNAVAILABLE : Unavailable.MODEL_UNAVAILABLE);
        }
        if (partial.model() != null) {
            request.setModel(partial.model());
        }
        if (partial.featureSet() != null) {
            request.setFeatureSet(partial.featureSet());
        }
        PolicyDecision policy;
        try {
            policy = postprocess.decide(request.build(), deadline.budgetFor(postprocess.guard().timeout(), Duration.ZERO));
        } catch (DownstreamFailure failure) {
            if (failure.is(Status.Code.INVALID_ARGUMENT)) {
                log.warn("postprocess-service refused our own decide request for {}: {}", tx.getTransactionId(),
                        failure.description());
            } else {
                log.debug("No policy decision for {}: {}", tx.getTransactionId(), failure.getMessage());
            }
            policy = null;
        }
        return new PipelineOutcome(tx.getTransactionId(),
                partial.score() == null ? null : ProtoNumbers.toDouble(partial.score()),
                partial.skipped(), modelInfo(partial.model()), featureSetId(partial.featureSet()), policy);
    }

    private static FraudScore.ModelInfo modelInfo(ModelRef model) {
        return model == null || model.getName().isEmpty() ? null : new FraudScore.ModelInfo(model.getName(), model.getVersion());
    }

    /** "fraud_v1": the id the public API and the model manifests use. */
    static String featureSetId(FeatureSetRef ref) {
        return ref == null || ref.getName().isEmpty() ? null : ref.getName() + "_v" + ref.getVersion();
    }

    private record Partial(Float score, Degradation skipped, ModelRef model, FeatureSetRef featureSet,
            Map<String, Float> features) {
    }
}
