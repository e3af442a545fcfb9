package dev.fraudscore.predictservice.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.domain.DomainException;
import dev.fraudscore.predictservice.remote.RemoteBackendException;
import dev.fraudscore.predictservice.remote.TorchServeBackend;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON of POST /predictions both ways: rows in manifest order out, one probability per row back. */
class TorchServeWireTest {

    private static final TorchServeBackend REMOTE = TorchServeBackend.of(URI.create("http://gpu-pool:8080"), "fraud-mlp", "3");

    @Test
    void rowsAreAListOfListsOfNumbersInInputOrder() {
        byte[] body = TorchServeWire.rows(new float[][] {{0.5f, -2f, 1e-5f}, {3f, 0f, 0.1f}});

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("[[0.5,-2.0,1.0E-5],[3.0,0.0,0.1]]");
    }

    @Test
    void anAnswerIsOneProbabilityPerRowAndKeepsEveryFloatAsTheRemoteWroteIt() {
        float[] scores = TorchServeWire.scores(json("[0.013, 0.92, 0, 1, 0.30000001192092896]"), 5, REMOTE);

        assertThat(scores).containsExactly(0.013f, 0.92f, 0f, 1f, 0.3f);
    }

    @Test
    void aRowAnsweredAsAOneNumberListOrAOneFieldObjectIsThatNumber() {
        assertThat(TorchServeWire.scores(json("[[0.25], [0.5]]"), 2, REMOTE)).containsExactly(0.25f, 0.5f);
        assertThat(TorchServeWire.scores(json("[{\"fraud_probability\": 0.25}, {\"p\": 0.5}]"), 2, REMOTE))
                .containsExactly(0.25f, 0.5f);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"predictions\": [0.1]}  | 1 | answered a JSON object instead of a list",
            "[0.1, 0.2]                | 3 | answered 2 scores for 3 rows",
            "[]                        | 1 | answered 0 scores for 1 row",
            "[\"0.1\"]                 | 1 | answered a JSON string for row 0 instead of a number",
            "[0.1, [0.2, 0.3]]         | 2 | answered a JSON array for row 1 instead of a number",
            "[{\"a\": 0.1, \"b\": 0.2}]  | 1 | answered a JSON object for row 0 instead of a number",
            "[0.5, 1.5]                | 2 | answered 1.5 for row 1, not a probability",
            "[-0.25]                   | 1 | answered -0.25 for row 0, not a probability",
            "<html>busy</html>         | 1 | answered something that is not JSON"})
    void anAnswerThatIsNotOneProbabilityPerRowIsAContractFailureNamingTheRemote(String body, int rows, String what) {
        assertThatThrownBy(() -> TorchServeWire.scores(json(body), rows, REMOTE))
                .isInstanceOfSatisfying(RemoteBackendException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.MISMATCH);
                    assertThat(e).hasMessageStartingWith("the TorchServe-compatible server at http://gpu-pool:8080"
                            + " (model fraud-mlp/3) " + what)
                            .hasMessageEndingWith("predict-service expects a JSON list of probabilities in [0, 1], one per row");
                });
    }

    @Test
    void thePingStatusIsReadWhenThereIsOne() {
        assertThat(TorchServeWire.healthStatus("{\"status\": \"Healthy\"}")).contains("Healthy");
        assertThat(TorchServeWire.healthStatus("{\"status\": \"Partial Healthy\"}")).contains("Partial Healthy");
        assertThat(TorchServeWire.healthStatus("pong")).isEmpty();
        assertThat(TorchServeWire.healthStatus("")).isEmpty();
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
