package dev.fraudscore.businessapi.domain;

import dev.fraudscore.domain.DomainException;
import dev.fraudscore.domain.FieldViolation;
import dev.fraudscore.features.state.FraudLabel;
import dev.fraudscore.features.state.TransactionLabel;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a {@link FeedbackRequest} and reports every bad field at once. A {@code reportedAt} in the future is
 * refused (beyond a small clock skew): a feature at time {@code t} may only use labels reported before {@code t},
 * and a label dated later would be counted by vectors computed before it.
 */
public final class FeedbackValidator {

    /** How far after this server's clock {@code reportedAt} may lie: callers' clocks drift a little. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(5);
    private static final List<String> FIELD_ORDER = List.of("transactionId", "label", "reportedAt");

    private final Validator formats;
    private final Clock clock;
    private final Duration maxAhead;

    public FeedbackValidator(Validator formats, Clock clock, Duration maxAhead) {
        this.formats = formats;
        this.clock = clock;
        this.maxAhead = maxAhead;
    }

    /** @throws DomainException (INVALID) naming every bad field */
    public TransactionLabel validate(FeedbackRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<FeedbackRequest> violation : formats.validate(request)) {
            errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
        }
        Instant reportedAt = request.reportedAt() == null ? null : reportedAt(request.reportedAt(), errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalidFields("the feedback", errors.entrySet().stream()
                    .map(e -> new FieldViolation(e.getKey(), e.getValue()))
                    .sorted(Comparator.comparingInt(v -> FIELD_ORDER.indexOf(v.field())))
                    .toList());
        }
        return new TransactionLabel(request.transactionId(), FraudLabel.valueOf(request.label()), reportedAt);
    }

    private Instant reportedAt(String value, Map<String, String> errors) {
        Instant at = FieldRules.instant("reportedAt", value, errors);
        if (at == null) {
            return null;
        }
        if (at.isBefore(Instant.EPOCH)) {
            errors.put("reportedAt", "must not be before 1970-01-01T00:00:00Z");
            return null;
        }
        if (at.isAfter(clock.instant().plus(maxAhead))) {
            errors.put("reportedAt", "must not be in the future (this server allows " + FieldRules.describe(maxAhead)
                    + " of clock skew): a label counts from when it was reported");
            return null;
        }
        return at;
    }
}
