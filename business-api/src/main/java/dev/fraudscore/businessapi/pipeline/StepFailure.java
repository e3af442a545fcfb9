package dev.fraudscore.businessapi.pipeline;

/**
 * A step of the pipeline (features, model, policy) that gave no usable answer, and why. The adapters that
 * implement the ports turn their transport's errors into these; the pipeline decides what each means.
 */
public final class StepFailure extends RuntimeException {

    /** Why the step gave nothing. */
    public enum Kind {
        /** no answer within the step's budget */
        TIMEOUT,
        /** the step's service is down, not ready or overloaded */
        UNAVAILABLE,
        /** its circuit breaker is open: not attempted */
        BREAKER_OPEN,
        /** the request's deadline was spent before the step: not attempted */
        BUDGET_SPENT,
        /** it refused the caller's transaction as invalid: the caller's to fix */
        REFUSED_INPUT,
        /** it disagrees with what we asked for (feature set, fingerprint, model): our picture is stale */
        STALE,
        /** it answered something we cannot use, or failed on its side */
        BROKEN
    }

    private final String step;
    private final Kind kind;

    public StepFailure(String step, Kind kind, String sentence, Throwable cause) {
        super(step + ": " + sentence, cause, false, false);
        this.step = step;
        this.kind = kind;
    }

    public static StepFailure budgetSpent(String step) {
        return new StepFailure(step, Kind.BUDGET_SPENT, "the request's deadline was spent before this step", null);
    }

    public String step() {
        return step;
    }

    public Kind kind() {
        return kind;
    }

    /** The step's own sentence, without the step's name. */
    public String sentence() {
        return getMessage().substring(step.length() + 2);
    }
}
