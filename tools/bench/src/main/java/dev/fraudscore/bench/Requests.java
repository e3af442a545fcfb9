package dev.fraudscore.bench;

import dev.fraudscore.contracts.common.v1.FeatureSetRef;
import dev.fraudscore.contracts.predict.v1.GetModelMetadataResponse;
import dev.fraudscore.contracts.predict.v1.PredictRequest;
import dev.fraudscore.contracts.predict.v1.Row;
import java.util.SplittableRandom;

/**
 * One-row Predict requests, as business-api sends them: the feature set the model's metadata names and a row of
 * its width. The rows are drawn once (seeded) and reused, so the load generator spends its CPU on calls, not on
 * building them; their values do not matter to the cost of a forward pass.
 */
final class Requests {

    private static final int POOL = 1024;

    private final float[][] rows;
    private final PredictRequest[] pool;
    private final FeatureSetRef featureSet;

    private Requests(FeatureSetRef featureSet, int width, long seed) {
        this.featureSet = featureSet;
        SplittableRandom random = new SplittableRandom(seed);
        this.rows = new float[POOL][width];
        this.pool = new PredictRequest[POOL];
        for (int i = 0; i < POOL; i++) {
            for (int c = 0; c < width; c++) {
                rows[i][c] = (float) (random.nextDouble() * 4 - 1);
            }
            pool[i] = request(i, "");
        }
    }

    static Requests forModel(GetModelMetadataResponse metadata) {
        return new Requests(metadata.getFeatureSet(), metadata.getInputsCount(), 42);
    }

    /** The {@code n}-th request of the pool (no routing key: the primary answers). */
    PredictRequest get(long n) {
        return pool[(int) (n % POOL)];
    }

    /** A request routed by {@code routingKey} (a card), so the canary split applies. */
    PredictRequest routed(long n, String routingKey) {
        return request((int) (n % POOL), routingKey);
    }

    /** The same row as {@link #get(long)}'s, for an in-process forward pass. */
    float[] row(long n) {
        return rows[(int) (n % POOL)];
    }

    private PredictRequest request(int i, String routingKey) {
        Row.Builder row = Row.newBuilder();
        for (float value : rows[i]) {
            row.addValues(value);
        }
        return PredictRequest.newBuilder().setFeatureSet(featureSet).addRows(row).setRoutingKey(routingKey).build();
    }
}
