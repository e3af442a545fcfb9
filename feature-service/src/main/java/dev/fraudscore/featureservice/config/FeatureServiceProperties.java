package dev.fraudscore.featureservice.config;

import dev.fraudscore.featureservice.store.HistoryTtls;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fraudscore.features.*}.
 *
 * @param keyPrefix prefix of every Redis key this service writes (tests use a unique one each)
 * @param featureSets ids of the feature sets served side by side, each in its own key namespace (default
 *     {@code fraud_v1, fraud_v2})
 * @param txCacheTtl the transaction cache's retention: how long the history returned to a transaction id is kept,
 *     so that a retry gets it again and moves nothing; a retry after that counts as a new transaction. Kept in
 *     buckets of the day a transaction arrived, so a record is found for at least this long and at most a day more
 * @param windowTtl how long a quiet card's window survives; more than the 24 h window
 * @param storeProbePeriod how often readiness checks that Redis answers
 * @param recordInLabelSets whether every transaction is also recorded in every served set that counts labels (in
 *     the same Redis round trip), so that a late label finds it whichever set's model scored it; off, a
 *     transaction is known only to the set that was asked for, and labels for another set's transactions are 404
 * @param ioThreads threads of the one Netty event loop the gRPC server and the Redis client share (default 1); with
 *     more, a call and its Redis connection may sit on different threads, and each call costs a wake-up more
 */
@Validated
@ConfigurationProperties("fraudscore.features")
public record FeatureServiceProperties(
        @DefaultValue("fs:") @NotBlank
        @Pattern(regexp = "[^{}]*", message = "must not contain { or }: the card key is the only Redis Cluster hash tag")
        String keyPrefix,
        @DefaultValue({"fraud_v1", "fraud_v2"}) @NotEmpty List<@NotBlank String> featureSets,
        @DefaultValue("24h") @NotNull Duration txCacheTtl,
        @DefaultValue("25h") @NotNull Duration windowTtl,
        @DefaultValue("1s") @NotNull Duration storeProbePeriod,
        @DefaultValue("true") boolean recordInLabelSets,
        @DefaultValue("1") @Min(1) int ioThreads) {

    public FeatureServiceProperties {
        if (txCacheTtl != null && windowTtl != null) {
            historyTtls(windowTtl, txCacheTtl); // fails binding at startup with a sentence, not at first request
        }
    }

    public HistoryTtls historyTtls() {
        return historyTtls(windowTtl, txCacheTtl);
    }

    private static HistoryTtls historyTtls(Duration windowTtl, Duration txCacheTtl) {
        return HistoryTtls.of(windowTtl, txCacheTtl);
    }
}
