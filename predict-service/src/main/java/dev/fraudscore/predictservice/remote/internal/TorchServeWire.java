package dev.fraudscore.predictservice.remote.internal;

import dev.fraudscore.predictservice.remote.TorchServeBackend;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of {@code POST /predictions/<model>[/<version>]} both ways, the shape predict-service's own TorchServe
 * face takes: a JSON list of rows, each a list of numbers in the manifest's input order ({@code [[0.1, 3.0], [0.2,
 * 1.0]]}); the answer a JSON list with one probability per row, each a number ({@code [0.013, 0.92]}), a one-number
 * list (a model whose output has shape [n, 1]: {@code [[0.013], [0.92]]}) or a one-field object (a handler that
 * names its output, as our face does: {@code [{"fraud_probability": 0.013}, ...]}).
 */
public final class TorchServeWire {

    public static final String MEDIA_TYPE = "application/json";
    /** What TorchServe's {@code GET /ping} answers when it can serve: {@code {"status": "Healthy"}}. */
    public static final String HEALTHY = "Healthy";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TorchServeWire() {
    }

    public static byte[] rows(float[][] rows) {
        return JSON.writeValueAsBytes(rows);
    }

    /**
     * @throws dev.fraudscore.predictservice.remote.RemoteBackendException naming the remote and what is wrong
     */
    public static float[] scores(byte[] body, int rows, TorchServeBackend remote) {
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (JacksonException e) {
            throw RemoteFailures.badAnswer(remote, "something that is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (answer == null || !answer.isArray()) {
            throw RemoteFailures.badAnswer(remote, "a JSON " + kind(answer) + " instead of a list");
        }
        if (answer.size() != rows) {
            throw RemoteFailures.badAnswer(remote, answer.size() + " scores for " + rows + (rows == 1 ? " row" : " rows"));
        }
        float[] scores = new float[rows];
        for (int r = 0; r < rows; r++) {
            JsonNode score = answer.get(r);
            if (score.isArray() && score.size() == 1) {
                score = score.get(0);
            } else if (score.isObject() && score.size() == 1) {
                score = score.values().iterator().next();
            }
            if (!score.isNumber()) {
                throw RemoteFailures.badAnswer(remote, "a JSON " + kind(score) + " for row " + r + " instead of a number");
            }
            double value = score.doubleValue();
            if (!(value >= 0 && value <= 1)) {
                throw RemoteFailures.badAnswer(remote, String.format(Locale.ROOT, "%s for row %d, not a probability",
                        score, r));
            }
            scores[r] = (float) value;
        }
        return scores;
    }

    /** The {@code status} of a {@code GET /ping} answer; empty when the body has none (any 200 is then healthy). */
    public static Optional<String> healthStatus(String body) {
        try {
            JsonNode answer = JSON.readTree(body);
            JsonNode status = answer == null ? null : answer.get("status");
            return status != null && status.isString() ? Optional.of(status.asString()) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static String kind(JsonNode node) {
        return node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
