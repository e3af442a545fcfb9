package dev.fraudscore.businessapi.metrics;

import dev.fraudscore.businessapi.pipeline.FeedbackOutcome;
import dev.fraudscore.businessapi.pipeline.PipelineMetrics;
import dev.fraudscore.businessapi.pipeline.StepFailure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The request path's counters on {@code /actuator/prometheus}: {@code fraudscore_api_bulkhead_rejected_total} and
 * {@code fraudscore_api_degraded_total{step,cause}}, and {@code fraudscore_api_feedback_total{outcome}}. Every counter is registered up front, at 0, and looked up
 * without building tags on the request path.
 */
public final class MicrometerPipelineMetrics implements PipelineMetrics {

    private static final List<String> STEPS = List.of("features", "model", "policy");

    private final Counter busy;
    private final Map<String, Map<StepFailure.Cause, Counter>> degraded = new HashMap<>();
    private final Map<FeedbackOutcome, Counter> feedback = new EnumMap<>(FeedbackOutcome.class);

    public MicrometerPipelineMetrics(MeterRegistry meters) {
        busy = Counter.builder("fraudscore.api.bulkhead.rejected")
                .description("Requests refused with 503 because as many as the admission limit allows were being scored")
                .register(meters);
        for (String step : STEPS) {
            Map<StepFailure.Cause, Counter> byCause = new EnumMap<>(StepFailure.Cause.class);
            for (StepFailure.Cause cause : StepFailure.Cause.values()) {
                byCause.put(cause, Counter.builder("fraudscore.api.degraded")
                        .description("Answers given degraded, by the first step that gave nothing and whether"
                                + " overload (shed or queued too long) or a fault caused it")
                        .tag("step", step)
                        .tag("cause", cause.tag())
                        .register(meters));
            }
            degraded.put(step, byCause);
        }
        for (FeedbackOutcome outcome : FeedbackOutcome.values()) {
            feedback.put(outcome, Counter.builder("fraudscore.api.feedback")
                    .description("Late labels sent to POST /fraud-feedback, by what became of them")
                    .tag("outcome", outcome.tag())
                    .register(meters));
        }
    }

    @Override
    public void busy() {
        busy.increment();
    }

    @Override
    public void feedback(FeedbackOutcome outcome) {
        feedback.get(outcome).increment();
    }

    @Override
    public void degraded(String step, StepFailure.Cause cause) {
        degraded.get(step).get(cause).increment();
    }
}
