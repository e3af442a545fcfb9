package dev.fraudscore.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How rows reach any network: normalised when the manifest says so, raw otherwise, in bounded chunks. */
class ScoringNetworkTest {

    /** Answers the first value of each row it is given, and records the chunk sizes. */
    private static final class FirstColumn implements ScoringNetwork {
        final List<Integer> chunks = new ArrayList<>();

        @Override
        public float[] probabilities(float[] flat, int count) {
            chunks.add(count);
            int width = flat.length / count;
            float[] out = new float[count];
            for (int r = 0; r < count; r++) {
                out[r] = flat[r * width];
            }
            return out;
        }

        @Override
        public Device device() {
            return Device.cpu();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void rawRowsGoThroughUnchangedWhenTheManifestHasNoNormalisation() {
        FirstColumn network = new FirstColumn();
        float[] scores = network.score(new float[][] {{0.25f, 9f}, {0.75f, 9f}}, null);
        assertThat(scores).containsExactly(0.25f, 0.75f);
    }

    @Test
    void rowsAreNormalisedWhenTheManifestSaysSo() {
        FirstColumn network = new FirstColumn();
        ModelManifest.Normalization normalization = new ModelManifest.Normalization(new float[] {1f, 0f}, new float[] {2f, 1f});
        assertThat(network.score(new float[][] {{5f, 0f}}, normalization)).containsExactly(2f);
    }

    @Test
    void manyRowsAreScoredInChunksAndKeepTheirOrder() {
        FirstColumn network = new FirstColumn();
        float[][] rows = new float[ScoringNetwork.CHUNK + 10][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = new float[] {r, 0f};
        }
        float[] scores = network.score(rows, null);
        assertThat(network.chunks).containsExactly(ScoringNetwork.CHUNK, 10);
        assertThat(scores[ScoringNetwork.CHUNK + 9]).isEqualTo(ScoringNetwork.CHUNK + 9f);
    }

    @Test
    void rowsOfDifferentWidthsAreRefused() {
        assertThatThrownBy(() -> new FirstColumn().score(new float[][] {{1f, 2f}, {1f}}, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 1 has 1 values but row 0 has 2");
    }
}
