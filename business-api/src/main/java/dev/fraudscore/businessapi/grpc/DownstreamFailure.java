package dev.fraudscore.businessapi.grpc;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.grpc.Status;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** A downstream call that did not produce an answer, and why. */
public final class DownstreamFailure extends RuntimeException {

    /** The broad cause; the gRPC status code refines {@link #STATUS}. */
    public enum Kind {
        /** the downstream answered with a non-OK status */
        STATUS,
        /** no answer within the call's budget */
        TIMEOUT,
        /** the circuit breaker is open: the call was not attempted */
        BREAKER_OPEN,
        /** the request's deadline was spent before the call: it was not attempted */
        BUDGET_SPENT,
        /** anything else (an answer the client could not use, an interrupt) */
        OTHER
    }

    private final String downstream;
    private final Kind kind;
    private final Status.Code code;

    private DownstreamFailure(String downstream, Kind kind, Status.Code code, String message, Throwable cause) {
        super(downstream + ": " + message, cause, false, false);
        this.downstream = downstream;
        this.kind = kind;
        this.code = code;
    }

    public static DownstreamFailure of(String downstream, Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof CallNotPermittedException) {
            return new DownstreamFailure(downstream, Kind.BREAKER_OPEN, null, "circuit breaker is open", t);
        }
        if (t instanceof TimeoutException || t instanceof CancellationException) {
            return new DownstreamFailure(downstream, Kind.TIMEOUT, Status.Code.DEADLINE_EXCEEDED, "timed out", t);
        }
        Status status = Status.fromThrowable(t);
        if (status.getCode() == Status.Code.UNKNOWN && status.getCause() == t) {
            return new DownstreamFailure(downstream, Kind.OTHER, null, String.valueOf(t), t);
        }
        Kind kind = status.getCode() == Status.Code.DEADLINE_EXCEEDED ? Kind.TIMEOUT : Kind.STATUS;
        return new DownstreamFailure(downstream, kind, status.getCode(),
                status.getCode() + (status.getDescription() == null ? "" : " " + status.getDescription()), t);
    }

    public static DownstreamFailure budgetSpent(String downstream) {
        return new DownstreamFailure(downstream, Kind.BUDGET_SPENT, null, "request deadline already spent", null);
    }

    public static DownstreamFailure unusable(String downstream, String why) {
        return new DownstreamFailure(downstream, Kind.OTHER, null, why, null);
    }

    static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof CompletionException || current instanceof ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    public String downstream() {
        return downstream;
    }

    public Kind kind() {
        return kind;
    }

    /** @return whether the downstream answered with this status code */
    public boolean is(Status.Code expected) {
        return kind == Kind.STATUS && code == expected;
    }

    /** The downstream's own sentence (the status description), or a short summary. */
    public String description() {
        Throwable cause = getCause();
        if (kind == Kind.STATUS && cause != null) {
            String description = Status.fromThrowable(cause).getDescription();
            if (description != null && !description.isBlank()) {
                return description;
            }
        }
        return getMessage();
    }
}
