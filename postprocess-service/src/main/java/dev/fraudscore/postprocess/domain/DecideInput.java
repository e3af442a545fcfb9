package dev.fraudscore.postprocess.domain;

import dev.fraudscore.domain.ReasonCode;
import dev.fraudscore.domain.Thresholds;
import java.util.Map;

/**
 * What the caller knows about one transaction.
 *
 * @param score       the model's fraud probability, or {@code null} when it could not be computed
 * @param unavailable why the score is absent: FEATURES_UNAVAILABLE, MODEL_UNAVAILABLE, or SCORE_MISSING when
 *                    the caller did not say
 * @param model       the model that scored (or would have scored) the transaction
 * @param features    named feature values, used only to explain the decision
 * @param suggested   the scoring model version's suggested thresholds (from its manifest), or {@code null}
 *                    when it has none; see {@link Policy#thresholdsFor} for when they apply
 */
public record DecideInput(Float score, ReasonCode unavailable, ModelKey model, Map<String, Float> features,
                          Thresholds suggested) {

    public DecideInput {
        unavailable = unavailable == null ? ReasonCode.SCORE_MISSING : unavailable;
        if (unavailable == ReasonCode.MODEL_SCORE_HIGH || unavailable == ReasonCode.MODEL_SCORE_ELEVATED) {
            throw new IllegalArgumentException(unavailable + " says why a score decided, not why it is absent");
        }
        model = model == null ? ModelKey.NONE : model;
        features = features == null ? Map.of() : Map.copyOf(features);
    }
}
