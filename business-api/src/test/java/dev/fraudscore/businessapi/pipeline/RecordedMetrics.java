package dev.fraudscore.businessapi.pipeline;

import java.util.ArrayList;
import java.util.List;

/** What the request path counted, as {@code step/cause} lines. */
final class RecordedMetrics implements PipelineMetrics {

    final List<String> degraded = new ArrayList<>();
    int busy;

    @Override
    public void busy() {
        busy++;
    }

    @Override
    public void degraded(String step, StepFailure.Cause cause) {
        degraded.add(step + "/" + cause.tag());
    }
}
