package dev.fraudscore.predictservice.domain;

import dev.fraudscore.model.ModelManifest;

/** Where the scores of shadow versions go, beside the primary's, so a data scientist can compare them. */
public interface ShadowRecorder {

    ShadowRecorder NONE = (primary, primaryScores, shadow, shadowScores) -> {
    };

    /** Called off the request path, after both scored the same rows. */
    void record(ModelManifest primary, float[] primaryScores, ModelManifest shadow, float[] shadowScores);
}
