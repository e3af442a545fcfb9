package dev.fraudscore.predictservice.web.torchserve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.domain.DomainException;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.predictservice.StandardRows;
import dev.fraudscore.predictservice.TestManifests;
import dev.fraudscore.predictservice.domain.Prediction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TorchServeRowsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ModelManifest MODEL = TestManifests.fraudV1("fraud-mlp", "2");
    private static final float[][] ROWS = TestManifests.rows(2, 5);

    @Test
    void oneRowByNameOrInOrderGivesOneRowAndOneAnswer() {
        TorchServeRows byName = read(JSON.writeValueAsString(StandardRows.byName(ROWS[0])));
        TorchServeRows inOrder = read(JSON.writeValueAsString(ROWS[0]));

        assertThat(byName.rows(MODEL)).isDeepEqualTo(new float[][] {ROWS[0]});
        assertThat(inOrder.rows(MODEL)).isDeepEqualTo(new float[][] {ROWS[0]});
        assertThat(byName.answer(new Prediction(MODEL, new float[] {0.25f}))).isEqualTo(Map.of("fraud_probability", 0.25f));
    }

    @Test
    void aListOfRowsInEitherFormGivesAListOfAnswers() {
        TorchServeRows rows = read(JSON.writeValueAsString(List.of(StandardRows.byName(ROWS[0]), ROWS[1])));

        assertThat(rows.rows(MODEL)).isDeepEqualTo(ROWS);
        assertThat(rows.answer(new Prediction(MODEL, new float[] {0.25f, 0.5f})))
                .isEqualTo(List.of(Map.of("fraud_probability", 0.25f), Map.of("fraud_probability", 0.5f)));
    }

    @Test
    void anEmptyListIsNoRows() {
        assertThat(read("[]").rows(MODEL)).isEmpty();
    }

    @Test
    void refusesABodyThatIsNotRows() {
        assertRefused(() -> TorchServeRows.read(JSON, new byte[0]), "the request has no body; send one row");
        assertRefused(() -> read("{\"a\": "), "the body is not JSON: ");
        assertRefused(() -> read("\"row\""), "the body is a JSON string; send one row");
        assertRefused(() -> read("[true]").rows(MODEL), "row 0 is true; a row is an object of feature name to number");
        assertRefused(() -> read("{\"velocity\": 1}").rows(MODEL), "the row names velocity, which is not an input of"
                + " model fraud-mlp/2; its inputs: ");
        assertRefused(() -> read("[{}]").rows(MODEL), "row 0 lacks " + MODEL.inputs().get(0) + "; a row names every input");
        assertRefused(() -> read("[[1, \"2\"]]").rows(MODEL), "row 0, value 1 is \"2\"; every value is a number");
    }

    private static TorchServeRows read(String body) {
        return TorchServeRows.read(JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(Runnable call, String sentenceStart) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
            assertThat(e.getMessage()).startsWith(sentenceStart);
        });
    }
}
