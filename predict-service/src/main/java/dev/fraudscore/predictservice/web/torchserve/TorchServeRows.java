package dev.fraudscore.predictservice.web.torchserve;

import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.predictservice.domain.Prediction;
import dev.fraudscore.predictservice.domain.PredictionException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of {@code POST /predictions/{model}}: one row or a list of rows, each an object of feature name to
 * number or an array of numbers in the order of the model's inputs. The answer has the same form: one object
 * {@code {"fraud_probability": p}} for one row, a list of them for a list.
 */
final class TorchServeRows {

    private static final String DEFAULT_OUTPUT = "fraud_probability";

    private final boolean single;
    private final List<JsonNode> rows;

    private TorchServeRows(boolean single, List<JsonNode> rows) {
        this.single = single;
        this.rows = rows;
    }

    /** @throws PredictionException INVALID when the body is not JSON or not rows */
    static TorchServeRows read(JsonMapper json, byte[] body) {
        if (body == null || body.length == 0) {
            throw PredictionException.invalid("the request has no body; send one row as a JSON object of feature name"
                    + " to number (or an array of numbers in the model's input order), or a list of rows");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw PredictionException.invalid("the body is not JSON: " + e.getOriginalMessage());
        }
        if (root.isObject() || root.isArray() && !root.isEmpty() && root.get(0).isNumber()) {
            return new TorchServeRows(true, List.of(root));
        }
        if (!root.isArray()) {
            throw PredictionException.invalid("the body is a JSON " + root.getNodeType().name().toLowerCase(Locale.ROOT)
                    + "; send one row (an object or an array of numbers) or a list of rows");
        }
        List<JsonNode> rows = new ArrayList<>();
        root.forEach(rows::add);
        return new TorchServeRows(false, rows);
    }

    /** The values in the order of {@code manifest}'s inputs. */
    float[][] rows(ModelManifest manifest) {
        float[][] values = new float[rows.size()][];
        for (int r = 0; r < values.length; r++) {
            JsonNode row = rows.get(r);
            if (row.isObject()) {
                values[r] = byName(r, row, manifest);
            } else if (row.isArray()) {
                values[r] = inOrder(r, row);
            } else {
                throw PredictionException.invalid(describe(r) + " is " + row + "; a row is an object of feature name to"
                        + " number or an array of numbers");
            }
        }
        return values;
    }

    /** {@code {"fraud_probability": p}} per row: one object, or a list when the request sent a list. */
    Object answer(Prediction prediction) {
        String output = prediction.model().output() == null ? DEFAULT_OUTPUT : prediction.model().output();
        List<Map<String, Float>> answers = new ArrayList<>();
        for (float score : prediction.scores()) {
            Map<String, Float> answer = new LinkedHashMap<>();
            answer.put(output, score);
            answers.add(answer);
        }
        return single ? answers.get(0) : answers;
    }

    private float[] byName(int r, JsonNode row, ModelManifest manifest) {
        List<String> inputs = manifest.inputs();
        float[] values = new float[inputs.size()];
        for (Iterator<String> names = row.propertyNames().iterator(); names.hasNext(); ) {
            String name = names.next();
            if (!inputs.contains(name)) {
                throw PredictionException.invalid(describe(r) + " names " + name + ", which is not an input of model "
                        + ref(manifest) + "; its inputs: " + String.join(", ", inputs));
            }
        }
        for (int c = 0; c < values.length; c++) {
            JsonNode value = row.get(inputs.get(c));
            if (value == null) {
                throw PredictionException.invalid(describe(r) + " lacks " + inputs.get(c) + "; a row names every input of"
                        + " model " + ref(manifest) + ": " + String.join(", ", inputs));
            }
            values[c] = number(r, inputs.get(c), value);
        }
        return values;
    }

    private float[] inOrder(int r, JsonNode row) {
        float[] values = new float[row.size()];
        for (int c = 0; c < values.length; c++) {
            values[c] = number(r, "value " + c, row.get(c));
        }
        return values;
    }

    private float number(int r, String what, JsonNode value) {
        if (!value.isNumber()) {
            throw PredictionException.invalid(describe(r) + ", " + what + " is " + value + "; every value is a number");
        }
        try {
            // as JSON parsers read numbers: to double, then to the model's float (infinite when too large)
            return (float) value.doubleValue();
        } catch (RuntimeException tooLarge) {
            throw PredictionException.invalid(describe(r) + ", " + what + " is " + value + ", which no float can hold");
        }
    }

    private String describe(int r) {
        return single ? "the row" : "row " + r;
    }

    private static String ref(ModelManifest manifest) {
        return manifest.name() + "/" + manifest.version();
    }
}
