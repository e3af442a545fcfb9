package dev.fraudscore.predictservice.domain;

import dev.fraudscore.model.ModelManifest;

/** The scores of one request and the model version that computed them (the one that decides). */
public record Prediction(ModelManifest model, float[] scores) {
}
