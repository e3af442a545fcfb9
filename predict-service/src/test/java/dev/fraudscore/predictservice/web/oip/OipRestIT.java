package dev.fraudscore.predictservice.web.oip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.predictservice.HttpTestClient;
import dev.fraudscore.predictservice.HttpTestClient.Answer;
import dev.fraudscore.predictservice.RunningService;
import dev.fraudscore.predictservice.StandardRows;
import dev.fraudscore.predictservice.TestManifests;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Open Inference Protocol over real HTTP, against the default model (fraud-mlp, version 2 served). */
class OipRestIT extends RunningService {

    private static final List<String> FEATURES = TestManifests.FRAUD_V1.featureNames();

    private HttpTestClient http;

    @BeforeEach
    void http() {
        http = new HttpTestClient(httpPort);
    }

    @Test
    void serverMetadataAndHealth() {
        Answer server = http.get("/v2");
        Answer live = http.get("/v2/health/live");
        Answer ready = http.get("/v2/health/ready");
        Answer modelReady = http.get("/v2/models/" + DEFAULT_MODEL + "/ready");
        Answer versionReady = http.get("/v2/models/" + DEFAULT_MODEL + "/versions/2/ready");

        assertThat(server.json().get("name").asString()).isEqualTo("predict-service");
        assertThat(server.json().get("extensions").isArray()).isTrue();
        assertThat(live.json().get("live").asBoolean()).isTrue();
        assertThat(ready.json().get("ready").asBoolean()).isTrue();
        assertThat(modelReady.json().get("ready").asBoolean()).isTrue();
        assertThat(modelReady.json().get("name").asString()).isEqualTo(DEFAULT_MODEL);
        assertThat(List.of(server, live, ready, modelReady, versionReady))
                .allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
    }

    @Test
    void modelMetadataNamesOneFp32InputPerFeatureAndTheFraudProbability() {
        JsonNode metadata = http.get("/v2/models/" + DEFAULT_MODEL).json();
        JsonNode version = http.get("/v2/models/" + DEFAULT_MODEL + "/versions/2").json();

        assertThat(metadata.get("name").asString()).isEqualTo(DEFAULT_MODEL);
        assertThat(metadata.get("versions").get(0).asString()).isEqualTo("2");
        assertThat(metadata.get("platform").asString()).isEqualTo("pytorch_djl");
        List<String> inputs = new ArrayList<>();
        metadata.get("inputs").forEach(input -> {
            inputs.add(input.get("name").asString());
            assertThat(input.get("datatype").asString()).isEqualTo("FP32");
            assertThat(input.get("shape").toString()).isEqualTo("[-1,1]");
        });
        assertThat(inputs).isEqualTo(FEATURES);
        assertThat(metadata.get("outputs").get(0).get("name").asString()).isEqualTo("fraud_probability");
        assertThat(version).isEqualTo(metadata);
    }

    @Test
    void inferOnOneTensorOfRowsEqualsOurPredict() {
        float[][] rows = TestManifests.rows(3, 61);
        Map<String, Object> request = Map.of("id", "42", "inputs", List.of(Map.of("name", "features", "datatype", "FP32",
                "shape", List.of(3, FEATURES.size()), "data", rows)));

        Answer answer = http.post("/v2/models/" + DEFAULT_MODEL + "/infer", HttpTestClient.json(request));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("model_name").asString()).isEqualTo(DEFAULT_MODEL);
        assertThat(answer.json().get("model_version").asString()).isEqualTo("2");
        assertThat(answer.json().get("id").asString()).isEqualTo("42");
        JsonNode output = answer.json().get("outputs").get(0);
        assertThat(output.get("name").asString()).isEqualTo("fraud_probability");
        assertThat(output.get("datatype").asString()).isEqualTo("FP32");
        assertThat(output.get("shape").toString()).isEqualTo("[3,1]");
        assertThat(StandardRows.floats(output.get("data")))
                .containsExactly(StandardRows.predictScores(client, DEFAULT_MODEL, "", rows));
    }

    @Test
    void inferOnFlatDataOrOneTensorPerFeatureEqualsOurPredict() {
        float[][] rows = TestManifests.rows(2, 62);
        float[] flat = new float[2 * FEATURES.size()];
        for (int r = 0; r < 2; r++) {
            System.arraycopy(rows[r], 0, flat, r * FEATURES.size(), FEATURES.size());
        }
        List<Map<String, Object>> columns = new ArrayList<>();
        for (int c = 0; c < FEATURES.size(); c++) {
            columns.add(Map.of("name", FEATURES.get(c), "datatype", "FP32", "shape", List.of(2, 1),
                    "data", List.of(rows[0][c], rows[1][c])));
        }
        float[] expected = StandardRows.predictScores(client, DEFAULT_MODEL, "2", rows);

        Answer flatAnswer = http.post("/v2/models/" + DEFAULT_MODEL + "/versions/2/infer", HttpTestClient.json(Map.of(
                "inputs", List.of(Map.of("name", "x", "datatype", "FP32", "shape", List.of(2, FEATURES.size()),
                        "data", flat)))));
        Answer columnAnswer = http.post("/v2/models/" + DEFAULT_MODEL + "/infer", HttpTestClient.json(Map.of(
                "inputs", columns, "outputs", List.of(Map.of("name", "fraud_probability")))));

        assertThat(StandardRows.floats(flatAnswer.json().get("outputs").get(0).get("data"))).containsExactly(expected);
        assertThat(StandardRows.floats(columnAnswer.json().get("outputs").get(0).get("data"))).containsExactly(expected);
    }

    @Test
    void refusalsComeAsAnErrorObjectWithTheProtocolsStatus() {
        Map<String, Object> narrow = tensor(List.of(1, 13), new float[13]);
        Map<String, Object> fp64 = new LinkedHashMap<>(tensor(List.of(1, 14), new float[14]));
        fp64.put("datatype", "FP64");

        Answer wrongWidth = infer(DEFAULT_MODEL, Map.of("inputs", List.of(narrow)));
        Answer wrongType = infer(DEFAULT_MODEL, Map.of("inputs", List.of(fp64)));
        Answer notJson = http.post("/v2/models/" + DEFAULT_MODEL + "/infer", "{\"inputs\": [");
        Answer unknownModel = infer("fraud-gbm", Map.of("inputs", List.of(tensor(List.of(1, 14), new float[14]))));
        Answer unknownVersion = http.get("/v2/models/" + DEFAULT_MODEL + "/versions/9/ready");
        Answer metadata = http.get("/v2/models/fraud-gbm");

        assertThat(wrongWidth.status()).isEqualTo(400);
        assertThat(wrongWidth.json().get("error").asString()).isEqualTo("input features has shape [1, 13] but model"
                + " fraud-mlp/2 takes rows of 14 values; send one FP32 tensor of shape [n, 14] (columns in this order: "
                + String.join(", ", FEATURES) + "), or one FP32 tensor of shape [n, 1] per input, named by it");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("error").asString()).startsWith("input features has datatype FP64; the model"
                + " takes FP32");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("error").asString()).startsWith("the body is not an inference request: ");
        assertThat(List.of(unknownModel, unknownVersion, metadata)).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(404);
            assertThat(a.json().get("error").asString()).isNotBlank();
        });
        assertThat(unknownModel.json().get("error").asString()).startsWith("model fraud-gbm is not served here");
    }

    private Answer infer(String model, Map<String, Object> request) {
        return http.post("/v2/models/" + model + "/infer", HttpTestClient.json(request));
    }

    private static Map<String, Object> tensor(List<Integer> shape, float[] data) {
        return Map.of("name", "features", "datatype", "FP32", "shape", shape, "data", data);
    }
}
