package dev.fraudscore.systemtests;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Business-domain transactions as a caller sends them. */
final class Transactions {

    private Transactions() {
    }

    static String newId() {
        return "tx-" + UUID.randomUUID().toString().substring(0, 18);
    }

    static String newCard() {
        return "tok_" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** A domestic POS payment of a usual amount. */
    static Map<String, Object> everyday(String card, Instant at, String amount, String merchant) {
        return transaction(newId(), card, at, amount, merchant, "5411", "FR", "POS");
    }

    static Map<String, Object> transaction(String id, String card, Instant at, String amount, String merchant,
                                           String mcc, String merchantCountry, String channel) {
        Map<String, Object> tx = new LinkedHashMap<>();
        tx.put("transactionId", id);
        tx.put("occurredAt", at.truncatedTo(ChronoUnit.SECONDS).toString());
        tx.put("amount", Map.of("value", amount, "currency", "EUR"));
        tx.put("card", Map.of("token", card, "bin", "424242", "country", "FR"));
        tx.put("customer", Map.of("id", "cust-" + card));
        tx.put("merchant", Map.of("id", merchant, "categoryCode", mcc, "country", merchantCountry));
        tx.put("channel", channel);
        return tx;
    }
}
