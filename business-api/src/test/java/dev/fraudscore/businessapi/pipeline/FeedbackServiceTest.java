package dev.fraudscore.businessapi.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fraudscore.businessapi.domain.FeedbackRequest;
import dev.fraudscore.businessapi.domain.FeedbackValidator;
import dev.fraudscore.domain.DomainException;
import dev.fraudscore.features.state.TransactionLabel;
import jakarta.validation.Validation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FeedbackServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final FeedbackRequest FRAUD = new FeedbackRequest("tx-1", "FRAUD", "2026-11-22T11:00:00Z");

    private final List<TransactionLabel> sent = new ArrayList<>();
    private final Map<FeedbackOutcome, Integer> counted = new EnumMap<>(FeedbackOutcome.class);
    private Function<TransactionLabel, LabelSink.Receipt> store = label -> LabelSink.Receipt.ACCEPTED;

    private final FeedbackService service = new FeedbackService(
            new FeedbackValidator(Validation.buildDefaultValidatorFactory().getValidator(),
                    Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(5)),
            new LabelSink() {
                @Override
                public Duration timeout() {
                    return Duration.ofMillis(500);
                }

                @Override
                public Receipt record(TransactionLabel label, Duration budget) {
                    sent.add(label);
                    return store.apply(label);
                }
            },
            new PipelineMetrics() {
                @Override
                public void busy() {
                }

                @Override
                public void degraded(String step, StepFailure.Cause cause) {
                }

                @Override
                public void feedback(FeedbackOutcome outcome) {
                    counted.merge(outcome, 1, Integer::sum);
                }
            });

    @Test
    void anAcceptedLabelIsReturnedAndCounted() {
        TransactionLabel label = service.accept(FRAUD);

        assertThat(label.transactionId()).isEqualTo("tx-1");
        assertThat(sent).containsExactly(label);
        assertThat(counted).containsExactly(Map.entry(FeedbackOutcome.ACCEPTED, 1));
    }

    @Test
    void anInvalidFeedbackReachesNoStore() {
        catchThrowableOfType(DomainException.class,
                () -> service.accept(new FeedbackRequest("tx-1", "FRAUD", "2026-11-22T12:10:00Z")));

        assertThat(sent).isEmpty();
        assertThat(counted).containsExactly(Map.entry(FeedbackOutcome.INVALID, 1));
    }

    @Test
    void theStoresRefusalsBecomeNotFoundAndConflictWithItsSentence() {
        store = label -> new LabelSink.Receipt(LabelSink.Verdict.UNKNOWN_TRANSACTION, "no transaction tx-1 was scored");
        FeedbackRefusedException unknown = catchThrowableOfType(FeedbackRefusedException.class, () -> service.accept(FRAUD));
        store = label -> new LabelSink.Receipt(LabelSink.Verdict.CONFLICT, "transaction tx-1 is already labelled GENUINE");
        FeedbackRefusedException conflict = catchThrowableOfType(FeedbackRefusedException.class, () -> service.accept(FRAUD));

        assertThat(unknown.kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
        assertThat(unknown).hasMessage("No transaction tx-1 was scored.");
        assertThat(conflict.kind()).isEqualTo(DomainException.Kind.MISMATCH);
        assertThat(conflict).hasMessage("Transaction tx-1 is already labelled GENUINE.");
        assertThat(counted).containsEntry(FeedbackOutcome.UNKNOWN_TRANSACTION, 1).containsEntry(FeedbackOutcome.CONFLICT, 1);
    }

    @Test
    void aStoreThatCannotBeReachedIsUnavailableWithoutItsAddress() {
        store = label -> {
            throw new StepFailure("labels", StepFailure.Kind.UNAVAILABLE, "the feature store (Redis at 10.0.0.7:6379) is"
                    + " unreachable", null);
        };

        DomainException refused = catchThrowableOfType(DomainException.class, () -> service.accept(FRAUD));

        assertThat(refused.kind()).isEqualTo(DomainException.Kind.UNAVAILABLE);
        assertThat(refused.getMessage()).doesNotContain("10.0.0.7")
                .isEqualTo("The label store cannot be reached right now; nothing was recorded. Retry after the"
                        + " Retry-After delay with the same body.");
        assertThat(counted).containsExactly(Map.entry(FeedbackOutcome.UNAVAILABLE, 1));
    }
}
