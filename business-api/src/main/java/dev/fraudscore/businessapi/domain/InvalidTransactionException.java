package dev.fraudscore.businessapi.domain;

import java.util.List;

/** The caller's transaction has one or more bad fields; nothing was recorded. */
public final class InvalidTransactionException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidTransactionException(List<FieldError> errors) {
        super(errors.size() + " invalid field(s): " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
