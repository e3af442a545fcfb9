package dev.fraudscore.businessapi.domain;

/**
 * A transaction as the caller sent it, parsed leniently: decimals and instants stay strings so that a
 * bad value becomes a field error from {@link TransactionValidator} rather than a parse failure.
 * Only the JSON shape (object vs string vs number) is checked while parsing.
 */
public record TransactionRequest(
        String transactionId,
        String occurredAt,
        Amount amount,
        Card card,
        Customer customer,
        Merchant merchant,
        String channel,
        Device device,
        Location location) {

    public record Amount(String value, String currency) {
    }

    public record Card(String token, String bin, String country) {
    }

    public record Customer(String id, String accountCreatedAt, String emailDomain) {
    }

    public record Merchant(String id, String categoryCode, String country) {
    }

    public record Device(String id, String ip) {
    }

    public record Location(Double lat, Double lon) {
    }
}
