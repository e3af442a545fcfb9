package dev.fraudscore.businessapi.domain;

import com.google.protobuf.Timestamp;
import dev.fraudscore.contracts.common.v1.Channel;
import dev.fraudscore.contracts.feature.v1.Transaction;

/**
 * Business domain to data domain: the amount in minor units of the base currency, the instant in UTC,
 * entity keys instead of business ids, the channel as the proto enum.
 */
public final class DataDomainTranslator {

    private final CurrencyTable currencies;

    public DataDomainTranslator(CurrencyTable currencies) {
        this.currencies = currencies;
    }

    /**
     * @throws InvalidTransactionException when the converted amount does not fit (only absurd amounts
     *                                     in a currency worth far more than the base)
     */
    public Transaction toDataDomain(ValidTransaction tx) {
        Transaction.Builder builder = Transaction.newBuilder()
                .setTransactionId(tx.transactionId())
                .setOccurredAt(Timestamp.newBuilder()
                        .setSeconds(tx.occurredAt().getEpochSecond())
                        .setNanos(tx.occurredAt().getNano()))
                .setAmountMinor(amountMinor(tx))
                .setBaseCurrency(currencies.base())
                .setCardKey(EntityKeys.card(tx.cardToken()))
                .setCardBin(tx.cardBin())
                .setCardCountry(tx.cardCountry())
                .setCustomerKey(EntityKeys.customer(tx.customerId()))
                .setMerchantKey(EntityKeys.merchant(tx.merchantId()))
                .setMerchantCategoryCode(tx.merchantCategoryCode())
                .setMerchantCountry(tx.merchantCountry())
                .setChannel(channel(tx.channel()))
                .setDeviceKey(EntityKeys.device(tx.deviceId()))
                .setIp(tx.ip() == null ? "" : tx.ip());
        if (tx.latitude() != null && tx.longitude() != null) {
            builder.setLatitude(tx.latitude()).setLongitude(tx.longitude());
        }
        return builder.build();
    }

    private long amountMinor(ValidTransaction tx) {
        try {
            return currencies.toBaseMinorUnits(tx.amount(), tx.currency());
        } catch (ArithmeticException e) {
            throw new InvalidTransactionException(java.util.List.of(new FieldError("amount.value",
                    "is too large to convert into " + currencies.base())));
        }
    }

    static Channel channel(PaymentChannel channel) {
        return switch (channel) {
            case ECOMMERCE -> Channel.ECOMMERCE;
            case POS -> Channel.POS;
            case ATM -> Channel.ATM;
            case MOTO -> Channel.MOTO;
        };
    }
}
