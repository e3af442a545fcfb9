package dev.fraudscore.businessapi.domain;

/** A valid transaction request whose fields a test changes one by one. */
final class RequestBuilder {

    String transactionId = "tx-0001";
    String occurredAt = "2026-11-22T10:15:30Z";
    boolean withAmount = true;
    String value = "129.99";
    String currency = "EUR";
    boolean withCard = true;
    String token = "tok_4f9a2c";
    String bin = "424242";
    String cardCountry = "FR";
    boolean withCustomer = true;
    String customerId = "cust-77";
    String accountCreatedAt = "2024-03-01T00:00:00Z";
    String emailDomain = "example.com";
    boolean withMerchant = true;
    String merchantId = "m-1001";
    String categoryCode = "5411";
    String merchantCountry = "FR";
    String channel = "ECOMMERCE";
    boolean withDevice = true;
    String deviceId = "dev-9";
    String ip = "203.0.113.7";
    boolean withLocation = true;
    Double lat = 48.8566;
    Double lon = 2.3522;

    TransactionRequest build() {
        return new TransactionRequest(transactionId, occurredAt,
                withAmount ? new TransactionRequest.Amount(value, currency) : null,
                withCard ? new TransactionRequest.Card(token, bin, cardCountry) : null,
                withCustomer ? new TransactionRequest.Customer(customerId, accountCreatedAt, emailDomain) : null,
                withMerchant ? new TransactionRequest.Merchant(merchantId, categoryCode, merchantCountry) : null,
                channel,
                withDevice ? new TransactionRequest.Device(deviceId, ip) : null,
                withLocation ? new TransactionRequest.Location(lat, lon) : null);
    }
}
