package dev.fraudscore.predictservice.grpc;

import dev.fraudscore.contracts.common.v1.FeatureSetRef;
import dev.fraudscore.contracts.common.v1.ModelRef;
import dev.fraudscore.contracts.common.v1.Thresholds;
import dev.fraudscore.contracts.predict.v1.ModelMetadata;
import dev.fraudscore.contracts.predict.v1.PredictRequest;
import dev.fraudscore.contracts.predict.v1.PredictResponse;
import dev.fraudscore.contracts.predict.v1.Row;
import dev.fraudscore.features.FeatureSetId;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.predictservice.domain.Prediction;
import dev.fraudscore.predictservice.domain.ServedModel;

/** Translation between the predict.v1 messages and the domain; no logic of its own. */
final class PredictProtos {

    private PredictProtos() {
    }

    static FeatureSetId featureSet(PredictRequest request) {
        FeatureSetRef ref = request.getFeatureSet();
        return new FeatureSetId(ref.getName(), ref.getVersion(), ref.getFingerprint());
    }

    static float[][] rows(PredictRequest request) {
        float[][] rows = new float[request.getRowsCount()][];
        for (int r = 0; r < rows.length; r++) {
            Row row = request.getRows(r);
            float[] values = new float[row.getValuesCount()];
            for (int c = 0; c < values.length; c++) {
                values[c] = row.getValues(c);
            }
            rows[r] = values;
        }
        return rows;
    }

    static PredictResponse response(Prediction prediction) {
        PredictResponse.Builder response = PredictResponse.newBuilder().setModel(modelRef(prediction.model()));
        for (float score : prediction.scores()) {
            response.addScores(score);
        }
        return response.build();
    }

    static ModelMetadata metadata(ServedModel model) {
        ModelManifest manifest = model.manifest();
        FeatureSetId featureSet = manifest.featureSet();
        ModelMetadata.Builder metadata = ModelMetadata.newBuilder()
                .setModel(modelRef(manifest))
                .setFeatureSet(FeatureSetRef.newBuilder()
                        .setName(featureSet.name())
                        .setVersion(featureSet.version())
                        .setFingerprint(featureSet.fingerprint()))
                .addAllInputs(manifest.inputs())
                .setDevice(model.device());
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
            metadata.setSuggestedThresholds(Thresholds.newBuilder()
                    .setReview(manifest.suggestedThresholds().review())
                    .setDecline(manifest.suggestedThresholds().decline()));
        }
        return metadata.build();
    }

    private static ModelRef modelRef(ModelManifest manifest) {
        return ModelRef.newBuilder().setName(manifest.name()).setVersion(manifest.version()).build();
    }
}
