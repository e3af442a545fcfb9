package dev.fraudscore.predictservice.web.oip;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.fraudscore.predictservice.domain.PredictionException;
import dev.fraudscore.predictservice.standard.InputTensor;
import dev.fraudscore.predictservice.standard.OipServer;
import dev.fraudscore.predictservice.standard.OipServer.InferCall;
import dev.fraudscore.predictservice.standard.OipServer.InferResult;
import dev.fraudscore.predictservice.standard.TensorRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of the Open Inference Protocol's REST side, and its translation to and from {@link OipServer}'s calls;
 * no logic of its own beyond reading tensor data (flat or nested arrays of numbers, as the protocol allows).
 */
final class OipJson {

    private OipJson() {
    }

    record InferRequest(String id, Map<String, JsonNode> parameters, List<RequestInput> inputs,
            List<RequestOutput> outputs) {
    }

    record RequestInput(String name, List<Long> shape, String datatype, Map<String, JsonNode> parameters, JsonNode data) {
    }

    record RequestOutput(String name, Map<String, JsonNode> parameters) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InferResponse(@JsonProperty("model_name") String modelName, @JsonProperty("model_version") String modelVersion,
            String id, List<ResponseOutput> outputs) {
    }

    record ResponseOutput(String name, String datatype, List<Long> shape, float[] data) {
    }

    record Live(boolean live) {
    }

    record Ready(boolean ready) {
    }

    record ModelReady(String name, boolean ready) {
    }

    /** Every error, as the protocol writes it. */
    record Error(String error) {
    }

    static InferCall call(JsonMapper json, String model, String version, byte[] body) {
        InferRequest request = read(json, body);
        if (request.inputs() == null) {
            throw PredictionException.invalid("the inference request has no inputs; send {\"inputs\": [{\"name\", \"shape\","
                    + " \"datatype\": \"FP32\", \"data\"}]}");
        }
        List<InputTensor> inputs = new ArrayList<>();
        for (RequestInput input : request.inputs()) {
            inputs.add(tensor(input));
        }
        List<String> outputs = request.outputs() == null ? List.of()
                : request.outputs().stream().map(RequestOutput::name).toList();
        return new InferCall(model, version, request.id(), routingKey(request.parameters()), inputs, outputs);
    }

    static InferResponse response(InferResult result) {
        return new InferResponse(result.model(), result.version(), result.id(), List.of(new ResponseOutput(
                result.output().name(), result.output().datatype(), result.output().shape(), result.data())));
    }

    private static InferRequest read(JsonMapper json, byte[] body) {
        if (body == null || body.length == 0) {
            throw PredictionException.invalid("the request has no body; send an inference request, {\"inputs\": [...]}");
        }
        try {
            return json.readValue(body, InferRequest.class);
        } catch (JacksonException e) {
            throw PredictionException.invalid("the body is not an inference request: " + e.getOriginalMessage());
        }
    }

    private static InputTensor tensor(RequestInput input) {
        if (input.name() == null || input.shape() == null || input.datatype() == null || input.data() == null) {
            throw PredictionException.invalid("input " + (input.name() == null ? "(without a name)" : input.name())
                    + " lacks " + (input.name() == null ? "name" : input.shape() == null ? "shape"
                    : input.datatype() == null ? "datatype" : "data") + "; an input has name, shape, datatype and data");
        }
        TensorRows.requireFp32(input.name(), input.datatype());
        long[] shape = input.shape().stream().mapToLong(Long::longValue).toArray();
        return new InputTensor(input.name(), input.datatype(), shape, flatten(input.name(), input.data()));
    }

    /** The numbers of a flat or nested array, in row-major order. */
    private static float[] flatten(String name, JsonNode data) {
        float[] values = new float[16];
        int count = 0;
        List<JsonNode> pending = new ArrayList<>(List.of(data));
        while (!pending.isEmpty()) {
            JsonNode node = pending.remove(pending.size() - 1);
            if (node.isArray()) {
                for (int i = node.size() - 1; i >= 0; i--) {
                    pending.add(node.get(i));
                }
            } else if (node.isNumber()) {
                if (count == values.length) {
                    values = Arrays.copyOf(values, count * 2);
                }
                values[count++] = (float) node.doubleValue();
            } else {
                throw PredictionException.invalid("input " + name + " has " + node + " in its data; FP32 data are numbers,"
                        + " in a flat or nested array");
            }
        }
        return Arrays.copyOf(values, count);
    }

    private static String routingKey(Map<String, JsonNode> parameters) {
        JsonNode key = parameters == null ? null : parameters.get(OipServer.ROUTING_KEY);
        if (key == null || key.isNull()) {
            return null;
        }
        if (!key.isString()) {
            throw PredictionException.invalid("parameter " + OipServer.ROUTING_KEY + " is " + key
                    + "; it takes a string (the card key that decides the canary split)");
        }
        return key.asString();
    }
}
