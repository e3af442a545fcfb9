package dev.fraudscore.featureservice.store;

import java.util.List;

/** The keys a feature set's store writes for a card's transactions: what a warm-up deletes after itself. */
public interface StoreKeys {

    List<String> written(String cardKey, String merchantKey, List<String> transactionIds);
}
