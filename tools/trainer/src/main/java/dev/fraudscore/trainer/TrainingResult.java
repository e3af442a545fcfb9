package dev.fraudscore.trainer;

import dev.fraudscore.model.ModelManifest;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What a training run wrote and how the model did.
 *
 * @param checked the evaluation rows the written version was reloaded and checked on, with the scores
 *     they got during the evaluation (a caller can reload the version and compare again)
 */
public record TrainingResult(ModelManifest manifest, Path directory, Evaluation evaluation, Duration elapsed,
        CheckedRows checked) {

    /** Feature rows (raw, not normalised) and their evaluation scores. */
    public record CheckedRows(float[][] rows, float[] scores) {
    }
}
