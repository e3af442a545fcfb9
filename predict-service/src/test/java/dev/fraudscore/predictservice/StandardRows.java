package dev.fraudscore.predictservice;

import dev.fraudscore.contracts.predict.v1.PredictResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Rows as standard clients send them, and the scores our own Predict gives the same rows, to compare with. */
public final class StandardRows {

    private StandardRows() {
    }

    /** One row as an object of feature name to value. */
    public static Map<String, Float> byName(float[] row) {
        List<String> names = TestManifests.FRAUD_V1.featureNames();
        Map<String, Float> named = new LinkedHashMap<>();
        for (int c = 0; c < row.length; c++) {
            named.put(names.get(c), row[c]);
        }
        return named;
    }

    /** What {@code fraudscore.predict.v1.Predict} answers for these rows of the model (version empty: its routing). */
    public static float[] predictScores(GrpcTestClient client, String model, String version, float[][] rows) {
        PredictResponse response = client.predict().predict(GrpcTestClient.request(model, version, "", rows));
        float[] scores = new float[response.getScoresCount()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = response.getScores(i);
        }
        return scores;
    }

    /** The numbers of a JSON array, as floats. */
    public static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) array.get(i).doubleValue();
        }
        return values;
    }
}
