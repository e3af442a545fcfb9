package dev.fraudscore.predictservice.web.oip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.domain.DomainException;
import dev.fraudscore.predictservice.standard.OipServer.InferCall;
import dev.fraudscore.predictservice.standard.OipServer.InferResult;
import dev.fraudscore.predictservice.standard.TensorSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class OipJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void readsNestedAndFlatDataInRowMajorOrderWithIdOutputsAndRoutingKey() {
        InferCall nested = call("{\"id\": \"7\", \"parameters\": {\"routing_key\": \"card-1\"}, \"inputs\": [{\"name\": \"x\","
                + " \"shape\": [2, 2], \"datatype\": \"FP32\", \"data\": [[1, 2.5], [3, 4]]}],"
                + " \"outputs\": [{\"name\": \"fraud_probability\"}]}");
        InferCall flat = call("{\"inputs\": [{\"name\": \"x\", \"shape\": [2, 2], \"datatype\": \"FP32\","
                + " \"data\": [1, 2.5, 3, 4]}]}");

        assertThat(nested.inputs().get(0).data()).containsExactly(1f, 2.5f, 3f, 4f);
        assertThat(nested.inputs().get(0).shape()).containsExactly(2L, 2L);
        assertThat(nested.id()).isEqualTo("7");
        assertThat(nested.routingKey()).isEqualTo("card-1");
        assertThat(nested.outputs()).containsExactly("fraud_probability");
        assertThat(flat.inputs().get(0).data()).containsExactly(nested.inputs().get(0).data());
        assertThat(flat.id()).isNull();
        assertThat(flat.routingKey()).isNull();
        assertThat(flat.outputs()).isEmpty();
    }

    @Test
    void answersTheOneOutputWithTheVersionThatScored() {
        OipJson.InferResponse response = OipJson.response(new InferResult("fraud-mlp", "2", "7",
                new TensorSpec("fraud_probability", "FP32", List.of(2L, 1L)), new float[] {0.5f, 0.25f}));

        assertThat(JSON.writeValueAsString(response)).isEqualTo("{\"model_name\":\"fraud-mlp\",\"model_version\":\"2\","
                + "\"id\":\"7\",\"outputs\":[{\"name\":\"fraud_probability\",\"datatype\":\"FP32\",\"shape\":[2,1],"
                + "\"data\":[0.5,0.25]}]}");
    }

    @Test
    void refusesARequestItCannotReadWithASentence() {
        assertRefused("", "the request has no body");
        assertRefused("[1]", "the body is not an inference request: ");
        assertRefused("{}", "the inference request has no inputs");
        assertRefused("{\"inputs\": [{\"name\": \"x\", \"datatype\": \"FP32\", \"data\": [1]}]}", "input x lacks shape");
        assertRefused("{\"inputs\": [{\"name\": \"x\", \"shape\": [1], \"datatype\": \"BYTES\", \"data\": [\"a\"]}]}",
                "input x has datatype BYTES; the model takes FP32");
        assertRefused("{\"inputs\": [{\"name\": \"x\", \"shape\": [2], \"datatype\": \"FP32\", \"data\": [1, true]}]}",
                "input x has true in its data; FP32 data are numbers");
        assertRefused("{\"parameters\": {\"routing_key\": 5}, \"inputs\": []}", "parameter routing_key is 5; it takes a"
                + " string");
    }

    private static InferCall call(String body) {
        return OipJson.call(JSON, "fraud-mlp", null, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(String body, String sentenceStart) {
        assertThatThrownBy(() -> call(body)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
            assertThat(e.getMessage()).startsWith(sentenceStart);
        });
    }
}
