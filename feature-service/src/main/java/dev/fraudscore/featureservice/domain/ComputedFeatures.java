package dev.fraudscore.featureservice.domain;

import dev.fraudscore.features.FeatureSet;
import dev.fraudscore.features.FeatureVector;

/**
 * The vector of one transaction in one feature set.
 *
 * @param replayed true when the transaction id was seen before: the vector is the first one's and
 *     nothing was counted again
 */
public record ComputedFeatures(FeatureSet featureSet, FeatureVector vector, boolean replayed) {
}
