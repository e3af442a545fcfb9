package dev.fraudscore.businessapi.domain;

import dev.fraudscore.domain.DomainException;
import dev.fraudscore.domain.FieldViolation;
import java.util.List;

/**
 * Business domain to data domain: the amount in minor units of the base currency, the instant in UTC,
 * entity keys instead of business ids.
 */
public final class DataDomainTranslator {

    private final CurrencyTable currencies;

    public DataDomainTranslator(CurrencyTable currencies) {
        this.currencies = currencies;
    }

    /**
     * @throws DomainException (INVALID) when the converted amount does not fit (only absurd amounts in a
     *                         currency worth far more than the base)
     */
    public DataTransaction toDataDomain(ValidTransaction tx) {
        return new DataTransaction(tx.transactionId(), tx.occurredAt(), amountMinor(tx), currencies.base(),
                EntityKeys.card(tx.cardToken()), tx.cardBin(), tx.cardCountry(), EntityKeys.customer(tx.customerId()),
                EntityKeys.merchant(tx.merchantId()), tx.merchantCategoryCode(), tx.merchantCountry(), tx.channel(),
                EntityKeys.device(tx.deviceId()), tx.ip(), tx.latitude(), tx.longitude());
    }

    private long amountMinor(ValidTransaction tx) {
        try {
            return currencies.toBaseMinorUnits(tx.amount(), tx.currency());
        } catch (ArithmeticException e) {
            throw DomainException.invalidFields("the transaction", List.of(new FieldViolation("amount.value",
                    "is too large to convert into " + currencies.base())));
        }
    }
}
