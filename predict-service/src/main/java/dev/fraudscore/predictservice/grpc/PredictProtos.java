package dev.fraudscore.predictservice.grpc;

import dev.fraudscore.contracts.predict.v1.GetModelMetadataResponse;
import dev.fraudscore.contracts.predict.v1.PredictRequest;
import dev.fraudscore.contracts.predict.v1.PredictResponse;
import dev.fraudscore.contracts.predict.v1.Row;
import dev.fraudscore.contracts.predict.v1.RoutingStatus;
import dev.fraudscore.contracts.predict.v1.VersionState;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.predictservice.domain.Prediction;
import dev.fraudscore.predictservice.domain.PredictionException;
import dev.fraudscore.predictservice.domain.PredictQuery;
import dev.fraudscore.predictservice.domain.Routing;
import dev.fraudscore.predictservice.domain.ServedModel;
import dev.fraudscore.predictservice.domain.ServingVersion;
import dev.fraudscore.predictservice.domain.VersionStatus;
import dev.fraudscore.support.proto.DomainProtos;
import java.time.Instant;
import java.util.List;

/** Translation between the predict.v1 messages and the domain; no logic of its own. */
final class PredictProtos {

    private PredictProtos() {
    }

    static PredictQuery query(PredictRequest request, Instant deadline) {
        float[][] rows = new float[request.getRowsCount()][];
        for (int r = 0; r < rows.length; r++) {
            Row row = request.getRows(r);
            float[] values = new float[row.getValuesCount()];
            for (int c = 0; c < values.length; c++) {
                values[c] = row.getValues(c);
            }
            rows[r] = values;
        }
        return new PredictQuery(request.getModelName(), request.getModelVersion(), request.getRoutingKey(),
                DomainProtos.featureSet(request.getFeatureSet()), rows, deadline);
    }

    static PredictResponse response(Prediction prediction) {
        ModelManifest manifest = prediction.model();
        PredictResponse.Builder response = PredictResponse.newBuilder()
                .setModel(DomainProtos.modelRef(manifest.name(), manifest.version()));
        if (manifest.suggestedThresholds() != null) {
            response.setSuggestedThresholds(DomainProtos.toProto(manifest.suggestedThresholds()));
        }
        for (float score : prediction.scores()) {
            response.addScores(score);
        }
        return response.build();
    }

    /** The model's primary version, its feature set and every version's state. */
    static GetModelMetadataResponse metadata(ServedModel model, List<String> servedModels) {
        ServingVersion primary = model.primary().orElseThrow(() -> PredictionException.unavailable("model " + model.name()
                + " has no servable version; its versions: " + model.describeVersions()));
        ModelManifest manifest = primary.manifest();
        GetModelMetadataResponse.Builder metadata = status(model, servedModels).toBuilder()
                .setModel(DomainProtos.modelRef(manifest.name(), manifest.version()))
                .setFeatureSet(DomainProtos.toProto(manifest.featureSet()))
                .addAllInputs(manifest.inputs())
                .setDevice(primary.device());
        if (manifest.output() != null) {
            metadata.setOutput(manifest.output());
        }
        if (manifest.metrics() != null) {
            manifest.metrics().forEach((name, value) -> {
                if (value != null) {
                    metadata.putMetrics(name, value);
                }
            });
        }
        if (manifest.suggestedThresholds() != null) {
            metadata.setSuggestedThresholds(DomainProtos.toProto(manifest.suggestedThresholds()));
        }
        return metadata.build();
    }

    /** Every version's state and the routing, whether or not a version is servable. */
    static GetModelMetadataResponse status(ServedModel model, List<String> servedModels) {
        GetModelMetadataResponse.Builder metadata = GetModelMetadataResponse.newBuilder().addAllServedModels(servedModels);
        for (VersionStatus version : model.versions()) {
            var status = dev.fraudscore.contracts.predict.v1.VersionStatus.newBuilder()
                    .setVersion(version.version())
                    .setState(VersionState.valueOf("VERSION_STATE_" + version.state().name()));
            if (version.reason() != null) {
                status.setReason(version.reason());
            }
            if (version.device() != null) {
                status.setDevice(version.device());
            }
            if (version.featureSet() != null) {
                status.setFeatureSet(DomainProtos.toProto(version.featureSet()));
            }
            metadata.addVersions(status);
        }
        Routing routing = model.routing();
        RoutingStatus.Builder routed = RoutingStatus.newBuilder();
        if (routing != null) {
            routed.setPrimary(routing.primary()).setCanaryPercent(routing.canaryPercent()).addAllShadows(routing.shadows());
            if (routing.canary() != null) {
                routed.setCanary(routing.canary());
            }
        }
        if (model.routingError() != null) {
            routed.setError(model.routingError());
        }
        return metadata.setRouting(routed).build();
    }
}
