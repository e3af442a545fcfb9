package dev.fraudscore.trainer;

import ai.djl.Device;
import dev.fraudscore.model.LoadedModel;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.model.ModelRepository;
import java.util.ArrayList;
import java.util.List;

/**
 * Proves the written version is the model that was evaluated: loads it back with the serving code and
 * compares its scores on some evaluation rows (genuine and fraudulent) with the scores of the evaluation.
 * A version that fails is removed, so nothing ever serves it.
 */
final class ScoreCheck {

    static final int SAMPLE = 32;
    /** Batch size and kernel choice may change the last bits of a float sum; anything more is a real difference. */
    static final float TOLERANCE = 1e-5f;

    private ScoreCheck() {
    }

    /** Returns the rows it checked and the scores they got in the evaluation. */
    static TrainingResult.CheckedRows verify(ModelRepository repository, ModelManifest manifest, LabelledRows eval,
            float[] expected) {
        List<Integer> sample = sample(eval);
        float[][] rows = new float[sample.size()][];
        float[] evaluated = new float[sample.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = eval.rows()[sample.get(i)];
            evaluated[i] = expected[sample.get(i)];
        }
        float[] reloaded;
        try (LoadedModel loaded = LoadedModel.load(repository, manifest.name(), manifest.version(), Device.cpu())) {
            reloaded = loaded.score(rows);
        }
        for (int i = 0; i < rows.length; i++) {
            float want = expected[sample.get(i)];
            if (Math.abs(reloaded[i] - want) > TOLERANCE) {
                VersionWriter.deleteRecursively(repository.versionDir(manifest.name(), manifest.version()));
                throw new TrainingException("the written model " + manifest.name() + "/" + manifest.version()
                        + " scores evaluation row " + sample.get(i) + " as " + reloaded[i] + " but training scored it "
                        + want + "; the version was removed");
            }
        }
        return new TrainingResult.CheckedRows(rows, evaluated);
    }

    /** The first evaluation rows and the first fraudulent ones. */
    static List<Integer> sample(LabelledRows eval) {
        List<Integer> sample = new ArrayList<>();
        for (int i = 0; i < Math.min(SAMPLE / 2, eval.size()); i++) {
            sample.add(i);
        }
        for (int i = 0; i < eval.size() && sample.size() < SAMPLE; i++) {
            if (eval.labels()[i] > 0.5f && !sample.contains(i)) {
                sample.add(i);
            }
        }
        return sample;
    }
}
