package dev.fraudscore.postprocess.domain;

import java.util.Map;

/**
 * What the caller knows about one transaction.
 *
 * @param score       the model's fraud probability, or {@code null} when it could not be computed
 * @param unavailable why the score is absent
 * @param model       the model that scored (or would have scored) the transaction
 * @param features    named feature values, used only to explain the decision
 */
public record DecideInput(Float score, Unavailability unavailable, ModelKey model, Map<String, Float> features) {

    public DecideInput {
        unavailable = unavailable == null ? Unavailability.NOT_STATED : unavailable;
        model = model == null ? ModelKey.NONE : model;
        features = features == null ? Map.of() : Map.copyOf(features);
    }
}
