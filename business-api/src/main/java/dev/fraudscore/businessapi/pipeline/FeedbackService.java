package dev.fraudscore.businessapi.pipeline;

import dev.fraudscore.businessapi.domain.FeedbackRequest;
import dev.fraudscore.businessapi.domain.FeedbackValidator;
import dev.fraudscore.domain.DomainException;
import dev.fraudscore.features.state.TransactionLabel;

/**
 * Records a late label: validate (before anything is sent, so a refused request changes nothing), then hand it to
 * the label store. A repeat is accepted like the first; the store's refusals become the caller's 404 and 409; a
 * store that cannot be reached a 503, with nothing recorded.
 */
public final class FeedbackService {

    private final FeedbackValidator validator;
    private final LabelSink labels;
    private final PipelineMetrics metrics;

    public FeedbackService(FeedbackValidator validator, LabelSink labels, PipelineMetrics metrics) {
        this.validator = validator;
        this.labels = labels;
        this.metrics = metrics;
    }

    /**
     * @return the label as recorded
     * @throws DomainException INVALID naming each bad field, UNAVAILABLE when the store cannot be reached
     * @throws FeedbackRefusedException NOT_FOUND or MISMATCH, with the store's sentence
     */
    public TransactionLabel accept(FeedbackRequest request) {
        TransactionLabel label;
        try {
            label = validator.validate(request);
        } catch (DomainException e) {
            metrics.feedback(FeedbackOutcome.INVALID);
            throw e;
        }
        LabelSink.Receipt receipt;
        try {
            receipt = labels.record(label, labels.timeout());
        } catch (StepFailure e) {
            if (e.kind() == StepFailure.Kind.REFUSED_INPUT || e.kind() == StepFailure.Kind.STALE
                    || e.kind() == StepFailure.Kind.BROKEN) {
                metrics.feedback(FeedbackOutcome.FAILED);
                throw e;
            }
            metrics.feedback(FeedbackOutcome.UNAVAILABLE);
            throw new DomainException(DomainException.Kind.UNAVAILABLE, "The label store cannot be reached right now;"
                    + " nothing was recorded. Retry after the Retry-After delay with the same body.");
        }
        return switch (receipt.verdict()) {
            case ACCEPTED -> {
                metrics.feedback(FeedbackOutcome.ACCEPTED);
                yield label;
            }
            case UNKNOWN_TRANSACTION -> {
                metrics.feedback(FeedbackOutcome.UNKNOWN_TRANSACTION);
                throw new FeedbackRefusedException(DomainException.Kind.NOT_FOUND, receipt.sentence());
            }
            case CONFLICT -> {
                metrics.feedback(FeedbackOutcome.CONFLICT);
                throw new FeedbackRefusedException(DomainException.Kind.MISMATCH, receipt.sentence());
            }
        };
    }
}
