package dev.fraudscore.embedded.ports;

import dev.fraudscore.businessapi.domain.DataTransaction;
import dev.fraudscore.businessapi.pipeline.FeatureSource;
import dev.fraudscore.featureservice.domain.ComputedFeatures;
import dev.fraudscore.featureservice.domain.FeatureComputer;
import dev.fraudscore.featureservice.domain.FeatureQuery;
import dev.fraudscore.features.FeatureSetId;
import dev.fraudscore.features.FeatureTransaction;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** {@link FeatureSource} by feature-service's own computer and Redis store, in this process. */
public final class InProcessFeatures implements FeatureSource {

    private final FeatureComputer computer;
    private final Duration timeout;

    public InProcessFeatures(FeatureComputer computer, Duration timeout) {
        this.computer = computer;
        this.timeout = timeout;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public CompletableFuture<Features> features(DataTransaction tx, FeatureSetId wanted, Duration budget) {
        try {
            ComputedFeatures computed = computer.compute(new FeatureQuery(wanted, toFeatures(tx), tx.baseCurrency()));
            return CompletableFuture.completedFuture(new Features(computed.featureSet().ref(),
                    computed.featureSet().featureNames(), computed.vector().values()));
        } catch (RuntimeException e) {
            throw InProcessFailures.of("features", e);
        }
    }

    /** What the feature code reads of a transaction, as feature-service maps it from its request. */
    static FeatureTransaction toFeatures(DataTransaction tx) {
        return new FeatureTransaction(tx.transactionId(), tx.occurredAt(), tx.amountMinor(), tx.cardKey(), tx.cardCountry(),
                tx.merchantKey(), tx.merchantCategoryCode(), tx.merchantCountry(), tx.channel());
    }
}
