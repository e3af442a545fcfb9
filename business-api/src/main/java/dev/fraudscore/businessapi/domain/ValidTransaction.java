package dev.fraudscore.businessapi.domain;

import dev.fraudscore.domain.Channel;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A transaction that passed {@link TransactionValidator}: every value parsed and in range. Optional
 * values are {@code null} when the caller did not send them.
 */
public record ValidTransaction(
        String transactionId,
        Instant occurredAt,
        BigDecimal amount,
        String currency,
        String cardToken,
        String cardBin,
        String cardCountry,
        String customerId,
        String merchantId,
        String merchantCategoryCode,
        String merchantCountry,
        Channel channel,
        String deviceId,
        String ip,
        Double latitude,
        Double longitude) {
}
