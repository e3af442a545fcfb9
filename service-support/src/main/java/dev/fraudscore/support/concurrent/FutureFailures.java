package dev.fraudscore.support.concurrent;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What went wrong in a future, without the wrappers that {@code join}, {@code get} and the stages put around it. */
public final class FutureFailures {

    private FutureFailures() {
    }

    /** The first throwable below every {@link CompletionException} and {@link ExecutionException} that has a cause. */
    public static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
