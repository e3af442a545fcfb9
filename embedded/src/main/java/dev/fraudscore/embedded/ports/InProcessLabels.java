package dev.fraudscore.embedded.ports;

import dev.fraudscore.businessapi.pipeline.LabelSink;
import dev.fraudscore.featureservice.domain.FeatureComputer;
import dev.fraudscore.featureservice.domain.LabelConflictException;
import dev.fraudscore.featureservice.domain.UnknownTransactionException;
import dev.fraudscore.features.state.TransactionLabel;
import java.time.Duration;

/** {@link LabelSink} by feature-service's own computer and Redis store, in this process: the same refusals. */
public final class InProcessLabels implements LabelSink {

    private final FeatureComputer computer;
    private final Duration timeout;

    public InProcessLabels(FeatureComputer computer, Duration timeout) {
        this.computer = computer;
        this.timeout = timeout;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public Receipt record(TransactionLabel label, Duration budget) {
        try {
            computer.label(label);
            return Receipt.ACCEPTED;
        } catch (UnknownTransactionException e) {
            return new Receipt(Verdict.UNKNOWN_TRANSACTION, e.getMessage());
        } catch (LabelConflictException e) {
            return new Receipt(Verdict.CONFLICT, e.getMessage());
        } catch (RuntimeException e) {
            throw InProcessFailures.of("labels", e);
        }
    }
}
