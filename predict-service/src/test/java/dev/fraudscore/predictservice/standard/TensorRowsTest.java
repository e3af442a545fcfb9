package dev.fraudscore.predictservice.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.domain.DomainException;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.predictservice.TestManifests;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TensorRowsTest {

    private static final ModelManifest MODEL = TestManifests.fraudV1("fraud-mlp", "2");
    private static final List<String> NAMES = MODEL.inputs();
    private static final int WIDTH = NAMES.size();

    @Test
    void oneTensorOfShapeRowsByInputsIsCutIntoRowsWhateverItsName() {
        float[][] rows = TestManifests.rows(3, 1);

        float[][] laidOut = TensorRows.rows(List.of(new InputTensor("input-0", "FP32", new long[] {3, WIDTH}, flat(rows))),
                MODEL);

        assertThat(laidOut).isDeepEqualTo(rows);
    }

    @Test
    void oneTensorPerInputOfShapeNOrNByOneIsLaidOutInTheManifestsOrder() {
        float[][] rows = TestManifests.rows(2, 2);
        List<InputTensor> columns = new ArrayList<>();
        for (int c = WIDTH - 1; c >= 0; c--) {
            long[] shape = c % 2 == 0 ? new long[] {2} : new long[] {2, 1};
            columns.add(new InputTensor(NAMES.get(c), "FP32", shape, new float[] {rows[0][c], rows[1][c]}));
        }

        assertThat(TensorRows.rows(columns, MODEL)).isDeepEqualTo(rows);
    }

    @Test
    void aMatrixOfTheWrongWidthIsRefusedNamingWhatTheModelTakes() {
        InputTensor narrow = new InputTensor("x", "FP32", new long[] {1, WIDTH - 1}, new float[WIDTH - 1]);

        assertThatThrownBy(() -> TensorRows.rows(List.of(narrow), MODEL)).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("input x has shape [1, 13] but model fraud-mlp/2 takes rows of 14 values; send one"
                        + " FP32 tensor of shape [n, 14] (columns in this order: " + NAMES.get(0) + ", ");
    }

    @Test
    void refusesWhatDoesNotFitWithASentence() {
        InputTensor first = column(NAMES.get(0), 2);
        assertRefused(List.of(), "the request has no input tensors; send one FP32 tensor");
        assertRefused(List.of(new InputTensor("x", "FP64", new long[] {1, WIDTH}, new float[WIDTH])),
                "input x has datatype FP64; the model takes FP32");
        assertRefused(List.of(new InputTensor("x", "FP32", new long[] {2, WIDTH}, new float[WIDTH])),
                "input x has shape [2, 14], which holds 28 values, but its data has 14");
        assertRefused(List.of(new InputTensor("x", "FP32", new long[] {-1, WIDTH}, new float[WIDTH])),
                "input x has shape [-1, 14]; a request gives the size of every dimension");
        assertRefused(List.of(first, new InputTensor("velocity", "FP32", new long[] {2}, new float[2])),
                "input velocity is not an input of model fraud-mlp/2");
        assertRefused(List.of(first, first), "input " + NAMES.get(0) + " is given twice");
        assertRefused(List.of(first, new InputTensor(NAMES.get(1), "FP32", new long[] {1, 2}, new float[2])),
                "input " + NAMES.get(1) + " has shape [1, 2]; an input given on its own takes shape [n] or [n, 1]");
        assertRefused(List.of(first, column(NAMES.get(1), 2)), "the request lacks inputs " + NAMES.get(2) + ", ");
        List<InputTensor> uneven = new ArrayList<>();
        NAMES.forEach(name -> uneven.add(column(name, name.equals(NAMES.get(3)) ? 3 : 2)));
        assertRefused(uneven, "the inputs do not have the same number of rows: " + NAMES.get(0) + " has 2, ");
    }

    private static void assertRefused(List<InputTensor> inputs, String sentenceStart) {
        assertThatThrownBy(() -> TensorRows.rows(inputs, MODEL)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
            assertThat(e.getMessage()).startsWith(sentenceStart);
        });
    }

    private static InputTensor column(String name, int rows) {
        return new InputTensor(name, "FP32", new long[] {rows, 1}, new float[rows]);
    }

    private static float[] flat(float[][] rows) {
        float[] flat = new float[rows.length * WIDTH];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * WIDTH, WIDTH);
        }
        return flat;
    }
}
