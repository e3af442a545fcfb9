package dev.fraudscore.businessapi.domain;

import dev.fraudscore.domain.Channel;
import java.time.Instant;

/**
 * A transaction in the data domain: the amount in minor units of the base currency, the instant in UTC,
 * entity keys instead of business ids. Optional values are {@code null} when unknown.
 */
public record DataTransaction(
        String transactionId,
        Instant occurredAt,
        long amountMinor,
        String baseCurrency,
        String cardKey,
        String cardBin,
        String cardCountry,
        String customerKey,
        String merchantKey,
        String merchantCategoryCode,
        String merchantCountry,
        Channel channel,
        String deviceKey,
        String ip,
        Double latitude,
        Double longitude) {
}
