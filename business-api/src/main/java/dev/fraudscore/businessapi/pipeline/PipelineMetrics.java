package dev.fraudscore.businessapi.pipeline;

/** Port: what the request path tells operators (Micrometer in production). */
public interface PipelineMetrics {

    /** Counts nothing, for tests that do not look. */
    PipelineMetrics NONE = new PipelineMetrics() {
        @Override
        public void busy() {
        }

        @Override
        public void degraded(String step, StepFailure.Cause cause) {
        }
    };

    /** A request refused before any work because as many as allowed were being scored. */
    void busy();

    /**
     * An answer given degraded.
     *
     * @param step  the first step that gave nothing: {@code features}, {@code model} or {@code policy}
     * @param cause whether too much work or a fault made it fail
     */
    void degraded(String step, StepFailure.Cause cause);

    /** What became of a late label ({@code POST /fraud-feedback}); counts nothing unless implemented. */
    default void feedback(FeedbackOutcome outcome) {
    }
}
