package dev.fraudscore.businessapi.domain;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A late label as the caller sent it to {@code POST /fraud-feedback}. The instant stays a string, so a bad value
 * becomes a field error; {@link FeedbackValidator} checks it against the clock.
 */
public record FeedbackRequest(
        @NotNull(message = TransactionRequest.REQUIRED)
        @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = TransactionRequest.TRANSACTION_ID) String transactionId,
        @NotNull(message = TransactionRequest.REQUIRED)
        @Pattern(regexp = "FRAUD|GENUINE", message = "must be FRAUD or GENUINE") String label,
        @NotNull(message = TransactionRequest.REQUIRED) String reportedAt) {
}
