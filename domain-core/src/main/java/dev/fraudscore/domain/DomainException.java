package dev.fraudscore.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request the domain refuses, with a kind (which decides the transport's status code) and a sentence
 * the caller can act on. Expected and frequent under bad input or load, so it carries no stack trace.
 */
public class DomainException extends RuntimeException {

    /** Why a request was refused; each transport maps a kind to one status. */
    public enum Kind {
        /** the request itself is wrong; the same request will be refused again */
        INVALID,
        /** it names something that is not here (a feature set, a model, a version) */
        NOT_FOUND,
        /** it does not fit the current state (a fingerprint or currency the other side does not share) */
        MISMATCH,
        /** a part the request needs is down or not ready; a retry may work */
        UNAVAILABLE,
        /** over capacity; retry later */
        OVERLOADED,
        /** the request's deadline passed before the work could start */
        TOO_LATE
    }

    private final Kind kind;
    private final transient List<FieldViolation> violations;

    public DomainException(Kind kind, String sentence) {
        this(kind, sentence, List.of());
    }

    protected DomainException(Kind kind, String sentence, List<FieldViolation> violations) {
        this(kind, sentence, violations, null);
    }

    /** @param cause what an operator needs in the log (e.g. the store's own error); never sent to the caller */
    protected DomainException(Kind kind, String sentence, Throwable cause) {
        this(kind, sentence, List.of(), cause);
    }

    private DomainException(Kind kind, String sentence, List<FieldViolation> violations, Throwable cause) {
        super(sentence, cause, false, false);
        this.kind = kind;
        this.violations = List.copyOf(violations);
    }

    /** INVALID, one entry per bad field, with a sentence listing them. */
    public static DomainException invalidFields(String what, List<FieldViolation> violations) {
        String fields = violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; "));
        return new DomainException(Kind.INVALID, what + " is invalid: " + fields, violations);
    }

    public Kind kind() {
        return kind;
    }

    /** The bad fields of an INVALID request; empty for the other kinds. */
    public List<FieldViolation> violations() {
        return violations;
    }
}
