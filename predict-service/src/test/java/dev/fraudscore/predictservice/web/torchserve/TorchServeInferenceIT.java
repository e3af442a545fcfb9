package dev.fraudscore.predictservice.web.torchserve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.predictservice.HttpTestClient;
import dev.fraudscore.predictservice.HttpTestClient.Answer;
import dev.fraudscore.predictservice.RunningService;
import dev.fraudscore.predictservice.StandardRows;
import dev.fraudscore.predictservice.TestManifests;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TorchServe's inference API over real HTTP, against the default model (fraud-mlp, version 2 served). */
class TorchServeInferenceIT extends RunningService {

    private HttpTestClient http;

    @BeforeEach
    void http() {
        http = new HttpTestClient(httpPort);
    }

    @Test
    void pingIsHealthyOnceTheDefaultModelServes() {
        Answer ping = http.get("/ping");

        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.json().get("status").asString()).isEqualTo("Healthy");
    }

    @Test
    void oneRowByFeatureNameScoresAsOurPredictDoes() {
        float[][] rows = TestManifests.rows(1, 41);

        Answer answer = http.post("/predictions/" + DEFAULT_MODEL, HttpTestClient.json(StandardRows.byName(rows[0])));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().isObject()).isTrue();
        assertThat((float) answer.json().get("fraud_probability").doubleValue())
                .isEqualTo(StandardRows.predictScores(client, DEFAULT_MODEL, "", rows)[0]);
    }

    @Test
    void aListOfRowsInInputOrderOrByNameScoresEachRowAsOurPredictDoes() {
        float[][] rows = TestManifests.rows(3, 42);
        float[] expected = StandardRows.predictScores(client, DEFAULT_MODEL, "2", rows);

        Answer inOrder = http.post("/predictions/" + DEFAULT_MODEL + "/2", HttpTestClient.json(rows));
        Answer byName = http.post("/predictions/" + DEFAULT_MODEL, HttpTestClient.json(
                Arrays.stream(rows).map(StandardRows::byName).toList()));

        for (Answer answer : List.of(inOrder, byName)) {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().size()).isEqualTo(3);
            float[] scores = new float[3];
            for (int i = 0; i < 3; i++) {
                scores[i] = (float) answer.json().get(i).get("fraud_probability").doubleValue();
            }
            assertThat(scores).containsExactly(expected);
        }
    }

    @Test
    void oneRowAsAnArrayInInputOrderScoresAsOurPredictDoes() {
        float[][] rows = TestManifests.rows(1, 43);

        Answer answer = http.post("/predictions/" + DEFAULT_MODEL, HttpTestClient.json(rows[0]));

        assertThat((float) answer.json().get("fraud_probability").doubleValue())
                .isEqualTo(StandardRows.predictScores(client, DEFAULT_MODEL, "", rows)[0]);
    }

    @Test
    void anUnknownModelOrVersionIsNotFoundInTorchServesErrorShape() {
        String row = HttpTestClient.json(TestManifests.rows(1, 1)[0]);

        Answer model = http.post("/predictions/fraud-gbm", row);
        Answer version = http.post("/predictions/" + DEFAULT_MODEL + "/7", row);

        assertThat(model.status()).isEqualTo(404);
        assertThat(model.json().get("code").asInt()).isEqualTo(404);
        assertThat(model.json().get("type").asString()).isEqualTo("ModelNotFoundException");
        assertThat(model.json().get("message").asString()).startsWith("model fraud-gbm is not served here; served: ");
        assertThat(version.status()).isEqualTo(404);
        assertThat(version.json().get("message").asString()).isEqualTo("version 7 of fraud-mlp is not served; its"
                + " versions: 2 (READY)");
    }

    @Test
    void aBodyThatIsNotRowsIsABadRequestSayingWhy() {
        float[] shortRow = Arrays.copyOf(TestManifests.rows(1, 1)[0], 13);
        Map<String, Float> withoutOne = StandardRows.byName(TestManifests.rows(1, 1)[0]);
        String missing = withoutOne.keySet().iterator().next();
        withoutOne.remove(missing);

        Answer notJson = http.post("/predictions/" + DEFAULT_MODEL, "{\"amount\": ");
        Answer narrow = http.post("/predictions/" + DEFAULT_MODEL, HttpTestClient.json(shortRow));
        Answer lacking = http.post("/predictions/" + DEFAULT_MODEL, HttpTestClient.json(withoutOne));
        Answer text = http.post("/predictions/" + DEFAULT_MODEL, "[[\"high\"]]");

        for (Answer answer : List.of(notJson, narrow, lacking, text)) {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().get("type").asString()).isEqualTo("BadRequestException");
        }
        assertThat(notJson.json().get("message").asString()).startsWith("the body is not JSON: ");
        assertThat(narrow.json().get("message").asString())
                .isEqualTo("row 0 has 13 values but model fraud-mlp/2 takes 14 (the features of fraud_v1)");
        assertThat(lacking.json().get("message").asString()).startsWith("the row lacks " + missing
                + "; a row names every input of model fraud-mlp/2: ");
        assertThat(text.json().get("message").asString()).isEqualTo("row 0, value 0 is \"high\"; every value is a number");
    }

    @Test
    void describesTheApiAsOpenApiOnGetAndOptions() {
        Answer get = http.get("/api-description");
        Answer options = http.options("/");

        assertThat(get.status()).isEqualTo(200);
        assertThat(get.json().get("openapi").asString()).isEqualTo("3.0.1");
        assertThat(get.json().get("paths").has("/predictions/{model_name}")).isTrue();
        assertThat(get.json().get("paths").has("/models/{model_name}/{model_version}/set-default")).isTrue();
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.body()).isEqualTo(get.body());
    }
}
