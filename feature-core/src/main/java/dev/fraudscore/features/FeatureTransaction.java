package dev.fraudscore.features;

import dev.fraudscore.domain.Channel;
import java.time.Instant;
import java.util.Objects;

/**
 * A transaction in the data domain, as the feature code sees it: a UTC instant, the amount in minor
 * units of the base currency, and entity keys.
 */
public record FeatureTransaction(
        String transactionId,
        Instant occurredAt,
        long amountMinor,
        String cardKey,
        String cardCountry,
        String merchantKey,
        String merchantCategoryCode,
        String merchantCountry,
        Channel channel) {

    public FeatureTransaction {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(cardKey, "cardKey");
        Objects.requireNonNull(merchantKey, "merchantKey");
        Objects.requireNonNull(channel, "channel");
        if (amountMinor < 0) {
            throw new IllegalArgumentException("amountMinor must not be negative, got " + amountMinor);
        }
    }

    public long occurredAtMillis() {
        return occurredAt.toEpochMilli();
    }
}
