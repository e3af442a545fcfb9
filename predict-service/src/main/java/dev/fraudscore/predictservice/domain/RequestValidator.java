package dev.fraudscore.predictservice.domain;

import dev.fraudscore.features.FeatureSetId;
import dev.fraudscore.model.ModelManifest;

/**
 * Refuses a request before it reaches the model: a model is never fed rows computed by another feature
 * set, rows of the wrong width, or values that are not finite numbers.
 */
public final class RequestValidator {

    private final int maxRowsPerRequest;

    public RequestValidator(int maxRowsPerRequest) {
        if (maxRowsPerRequest < 1) {
            throw new IllegalArgumentException("maxRowsPerRequest must be at least 1, not " + maxRowsPerRequest);
        }
        this.maxRowsPerRequest = maxRowsPerRequest;
    }

    public int maxRowsPerRequest() {
        return maxRowsPerRequest;
    }

    /** Throws FEATURE_SET_MISMATCH unless {@code requested} is exactly the model's feature set, fingerprint included. */
    public void checkFeatureSet(ModelManifest model, FeatureSetId requested) {
        FeatureSetId trained = model.featureSet();
        String trainedOn = "model " + ref(model) + " was trained on feature set " + describe(trained);
        if (requested == null || isBlank(requested.fingerprint())) {
            throw PredictionException.mismatch("the request carries " + describeWithoutFingerprint(requested)
                    + " without a fingerprint; " + trainedOn
                    + ": send the fingerprint of the feature set that computed the rows");
        }
        boolean same = trained.fingerprint().equals(requested.fingerprint())
                && trained.name().equals(requested.name())
                && trained.version() == requested.version();
        if (!same) {
            throw PredictionException.mismatch(trainedOn + ", the request carries " + describe(requested));
        }
    }

    /** Throws INVALID_REQUEST for no rows, too many rows, a row of the wrong width or a value that is not finite. */
    public void checkRows(ModelManifest model, float[][] rows) {
        int width = model.inputs().size();
        if (rows.length == 0) {
            throw PredictionException.invalid("the request has no rows; send at least one row of " + width
                    + " values (feature set " + model.featureSet().id() + ")");
        }
        if (rows.length > maxRowsPerRequest) {
            throw PredictionException.invalid("the request has " + rows.length + " rows but at most "
                    + maxRowsPerRequest + " are accepted in one request; split it");
        }
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != width) {
                throw PredictionException.invalid("row " + r + " has " + rows[r].length + " values but model "
                        + ref(model) + " takes " + width + " (the features of " + model.featureSet().id() + ")");
            }
        }
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < width; c++) {
                if (!Float.isFinite(rows[r][c])) {
                    throw PredictionException.invalid("row " + r + ", value " + c + " (" + model.inputs().get(c)
                            + ") is " + rows[r][c] + "; every value must be a finite number");
                }
            }
        }
    }

    private static String ref(ModelManifest model) {
        return model.name() + "/" + model.version();
    }

    private static String describe(FeatureSetId set) {
        return describeWithoutFingerprint(set) + " (fingerprint " + set.fingerprint() + ")";
    }

    private static String describeWithoutFingerprint(FeatureSetId set) {
        if (set == null || isBlank(set.name())) {
            return "no feature set name";
        }
        return set.id();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
