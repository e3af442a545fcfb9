package dev.fraudscore.featureservice.domain;

import java.util.List;
import java.util.stream.Collectors;

/** The request names bad fields; one violation per field, nothing was recorded. */
public final class InvalidRequestException extends RuntimeException {

    /**
     * @param field the field's path in the request, e.g. {@code transaction.amount_minor}
     * @param description a sentence saying what is wrong with it
     */
    public record Violation(String field, String description) {
    }

    private final List<Violation> violations;

    public InvalidRequestException(List<Violation> violations) {
        super(message(violations), null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String message(List<Violation> violations) {
        return "the request is invalid: " + violations.stream()
                .map(v -> v.field() + " " + v.description())
                .collect(Collectors.joining("; "));
    }
}
