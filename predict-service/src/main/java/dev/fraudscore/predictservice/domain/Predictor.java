package dev.fraudscore.predictservice.domain;

import dev.fraudscore.features.FeatureSetId;

/** Checks a request against the served model and scores it. Knows nothing of gRPC. */
public final class Predictor {

    private final ModelSlot slot;
    private final RequestValidator validator;

    public Predictor(ModelSlot slot, RequestValidator validator) {
        this.slot = slot;
        this.validator = validator;
    }

    public Prediction predict(FeatureSetId requested, float[][] rows) {
        ServedModel model = slot.require();
        validator.checkFeatureSet(model.manifest(), requested);
        validator.checkRows(model.manifest(), rows);
        return new Prediction(model.manifest(), model.score(rows));
    }

    /** The model now served, or a MODEL_UNAVAILABLE refusal saying why there is none. */
    public ServedModel current() {
        return slot.require();
    }
}
