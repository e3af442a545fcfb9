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
        /** the step's service is down or not ready */
        UNAVAILABLE,
        /** the step's service (or a local guard) refused for lack of capacity: a full queue, RESOURCE_EXHAUSTED */
        OVERLOADED,
        /** its circuit breaker is open: not attempted */
        BREAKER_OPEN,
        /** the request's deadline was spent before the step: not attempted */
        BUDGET_SPENT,
        /** it refused the caller's transaction as invalid: the caller's to fix */
        REFUSED_INPUT,
        /** it disagrees with what we asked for (feature set, fingerprint, model): our picture is stale */
        STALE,
        /** it answered something we cannot use, or failed on its side */
        BROKEN;

        /**
         * Whether this failure comes from too much work rather than from something broken: a refusal for lack of
         * capacity, or a deadline spent before the step (the request waited behind others). A timeout is a fault:
         * it cannot tell a busy service from a stuck one.
         */
        public Cause cause() {
            return this == OVERLOADED || this == BUDGET_SPENT ? Cause.OVERLOAD : Cause.FAULT;
        }
    }

    /** Why an answer came degraded, for operators: shed load, or something to repair. */
    public enum Cause {
        OVERLOAD,
        FAULT;

        /** The metric tag's value: {@code overload} or {@code fault}. */
        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
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
