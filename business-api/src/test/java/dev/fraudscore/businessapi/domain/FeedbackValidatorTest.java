package dev.fraudscore.businessapi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fraudscore.domain.DomainException;
import dev.fraudscore.domain.FieldViolation;
import dev.fraudscore.features.state.FraudLabel;
import dev.fraudscore.features.state.TransactionLabel;
import jakarta.validation.Validation;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedbackValidatorTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);
    private final FeedbackValidator validator = new FeedbackValidator(
            Validation.buildDefaultValidatorFactory().getValidator(), clock, Duration.ofSeconds(5));

    @Test
    void aValidFeedbackIsTheLabelWithItsReportTime() {
        TransactionLabel label = validator.validate(new FeedbackRequest("tx-1", "FRAUD", "2026-11-22T13:00:00+01:00"));

        assertThat(label).isEqualTo(new TransactionLabel("tx-1", FraudLabel.FRAUD, NOW));
    }

    @Test
    void aReportWithinTheClockSkewIsAccepted() {
        TransactionLabel label = validator.validate(new FeedbackRequest("tx-1", "GENUINE", "2026-11-22T12:00:05Z"));

        assertThat(label.reportedAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void aReportInTheFutureIsRefusedSayingTheSkewAllowed() {
        DomainException refused = catchThrowableOfType(DomainException.class,
                () -> validator.validate(new FeedbackRequest("tx-1", "FRAUD", "2026-11-22T12:01:00Z")));

        assertThat(refused.violations()).containsExactly(new FieldViolation("reportedAt", "must not be in the future"
                + " (this server allows 5 seconds of clock skew): a label counts from when it was reported"));
    }

    @Test
    void namesEveryBadFieldInTheBodysOrder() {
        DomainException refused = catchThrowableOfType(DomainException.class,
                () -> validator.validate(new FeedbackRequest("tx 1", "fraud", "2026-11-22 12:00")));

        assertThat(refused.kind()).isEqualTo(DomainException.Kind.INVALID);
        assertThat(refused.violations()).extracting(FieldViolation::field)
                .containsExactly("transactionId", "label", "reportedAt");
        assertThat(refused.violations().get(1).message()).isEqualTo("must be FRAUD or GENUINE");
        assertThat(refused.violations().get(2).message())
                .isEqualTo("must be an RFC 3339 timestamp with a time zone offset, e.g. 2026-11-22T10:15:30Z");
    }

    @Test
    void everyFieldIsRequired() {
        DomainException refused = catchThrowableOfType(DomainException.class,
                () -> validator.validate(new FeedbackRequest(null, null, null)));

        assertThat(refused.violations()).containsExactly(new FieldViolation("transactionId", "is required"),
                new FieldViolation("label", "is required"), new FieldViolation("reportedAt", "is required"));
    }
}
