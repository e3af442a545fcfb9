package dev.fraudscore.businessapi.pipeline;

import dev.fraudscore.businessapi.domain.ModelId;
import dev.fraudscore.features.FeatureSetId;

/** The model predict-service serves by default, and the feature set (with fingerprint) it needs. */
public record ServedModel(ModelId model, FeatureSetId featureSet, int inputs) {
}
