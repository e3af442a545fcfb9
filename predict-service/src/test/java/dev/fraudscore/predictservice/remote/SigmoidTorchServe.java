package dev.fraudscore.predictservice.remote;

import static dev.fraudscore.predictservice.remote.RemoteAnswers.json;

import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The remote third party, as MockWebServer plays it: {@code GET /ping}, and {@code POST /predictions/<model>/...}
 * scoring each row as the sigmoid of its first value, which no local weights give, so a test can tell who scored.
 * Down, it answers 503 to both.
 */
public final class SigmoidTorchServe extends Dispatcher {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String model;
    private final AtomicInteger predictions = new AtomicInteger();
    private volatile boolean healthy = true;

    /** @param model the remote model name it serves */
    public SigmoidTorchServe(String model) {
        this.model = model;
    }

    public static float score(float[] row) {
        return (float) (1 / (1 + Math.exp(-row[0])));
    }

    public void healthy(boolean healthy) {
        this.healthy = healthy;
    }

    /** The predictions it answered. */
    public int predictions() {
        return predictions.get();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (!healthy) {
            return json(503, "{\"status\": \"Unhealthy\"}");
        }
        if (request.getTarget().equals("/ping")) {
            return json(200, "{\"status\": \"Healthy\"}");
        }
        if (!request.getMethod().equals("POST") || !request.getTarget().startsWith("/predictions/" + model)) {
            return json(404, "{\"code\": 404, \"message\": \"no model at " + request.getTarget() + "\"}");
        }
        float[][] rows = JSON.readValue(request.getBody().utf8(), float[][].class);
        float[] scores = new float[rows.length];
        for (int r = 0; r < rows.length; r++) {
            scores[r] = score(rows[r]);
        }
        predictions.incrementAndGet();
        return json(200, JSON.writeValueAsString(scores));
    }

}
