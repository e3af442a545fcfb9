package dev.fraudscore.featureservice.domain;

import dev.fraudscore.domain.DomainException;

/**
 * The transaction's amount is in minor units of a currency the feature set is not defined in: computing
 * would silently shift every amount feature, so it is refused before anything is recorded.
 */
public final class CurrencyMismatchException extends DomainException {

    public CurrencyMismatchException(String setId, String setCurrency, String transactionCurrency) {
        super(Kind.MISMATCH, "feature set " + setId + " computes its amount features in " + setCurrency
                + ", but the transaction's amount is in minor units of " + transactionCurrency + "; set business-api's"
                + " fraudscore.api.currency.base to " + setCurrency + " or serve a feature set defined in "
                + transactionCurrency);
    }
}
