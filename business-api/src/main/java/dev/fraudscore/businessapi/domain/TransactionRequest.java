package dev.fraudscore.businessapi.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A transaction as the caller sent it. Decimals and instants stay strings, so a bad value becomes a field
 * error rather than a parse failure. The format of each field is declared here (Bean Validation, our
 * wording); what needs more than one field or a table (supported currencies, decimal places, instants,
 * card-number look-alikes, IP literals) is checked by {@link TransactionValidator}.
 */
public record TransactionRequest(
        @NotNull(message = REQUIRED) @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = TRANSACTION_ID) String transactionId,
        @NotNull(message = REQUIRED) String occurredAt,
        @NotNull(message = "is required: an object with value and currency, e.g. {\"value\": \"129.99\", \"currency\": \"EUR\"}")
        @Valid Amount amount,
        @NotNull(message = "is required: an object with token, bin and country") @Valid Card card,
        @NotNull(message = "is required: an object with at least an id") @Valid Customer customer,
        @NotNull(message = "is required: an object with id, categoryCode and country") @Valid Merchant merchant,
        @NotNull(message = REQUIRED) @Pattern(regexp = "ECOMMERCE|POS|ATM|MOTO", message = "must be one of ECOMMERCE, POS, ATM, MOTO")
        String channel,
        @Valid Device device,
        @Valid Location location) {

    static final String REQUIRED = "is required";
    static final String TRANSACTION_ID = "must be 1 to 64 characters of letters, digits, '_' or '-', e.g. tx-0001";
    /**
     * Ids of cards, customers, merchants and devices: printable, bounded, safe in a Redis key (no braces, which
     * would break Redis Cluster hash tags) and in logs.
     */
    static final String ENTITY_ID = "[A-Za-z0-9._:@/+=~-]{1,128}";
    static final String ENTITY_ID_MESSAGE = "must be 1 to 128 characters of letters, digits and . _ : @ / + = ~ -";
    /**
     * A host name: dot-separated labels of letters, digits and inner hyphens, ending in a top-level label of
     * letters (or its punycode form, {@code xn--...}).
     */
    static final String DOMAIN = "(?=.{4,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+([A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})";
    static final String COUNTRY_MESSAGE = "must be an ISO 3166-1 alpha-2 country code of two capital letters, e.g. FR";

    public record Amount(
            @NotNull(message = REQUIRED)
            @Pattern(regexp = "[0-9]+(\\.[0-9]+)?", message = "must be a positive decimal string with a dot before the decimals, e.g. \"129.99\"")
            String value,
            @NotNull(message = REQUIRED)
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code of three capital letters, e.g. EUR")
            String currency) {
    }

    public record Card(
            @NotNull(message = REQUIRED) @Pattern(regexp = ENTITY_ID, message = ENTITY_ID_MESSAGE) String token,
            @NotNull(message = REQUIRED)
            @Pattern(regexp = "[0-9]{6,8}", message = "must be the first 6 to 8 digits of the card number, e.g. 424242")
            String bin,
            @NotNull(message = REQUIRED) @Pattern(regexp = "[A-Z]{2}", message = COUNTRY_MESSAGE) String country) {
    }

    public record Customer(
            @NotNull(message = REQUIRED) @Pattern(regexp = ENTITY_ID, message = ENTITY_ID_MESSAGE) String id,
            String accountCreatedAt,
            @Pattern(regexp = DOMAIN, message = "must be a domain name such as example.com: the part of the e-mail address"
                    + " after '@', at most 253 characters")
            String emailDomain) {
    }

    public record Merchant(
            @NotNull(message = REQUIRED) @Pattern(regexp = ENTITY_ID, message = ENTITY_ID_MESSAGE) String id,
            @NotNull(message = REQUIRED)
            @Pattern(regexp = "[0-9]{4}", message = "must be a merchant category code (MCC) of four digits, e.g. 5411")
            String categoryCode,
            @NotNull(message = REQUIRED) @Pattern(regexp = "[A-Z]{2}", message = COUNTRY_MESSAGE) String country) {
    }

    public record Device(@Pattern(regexp = ENTITY_ID, message = ENTITY_ID_MESSAGE) String id, String ip) {
    }

    public record Location(
            @NotNull(message = "is required when location is present")
            @DecimalMin(value = "-90", message = "must be a number between -90 and 90")
            @DecimalMax(value = "90", message = "must be a number between -90 and 90")
            Double lat,
            @NotNull(message = "is required when location is present")
            @DecimalMin(value = "-180", message = "must be a number between -180 and 180")
            @DecimalMax(value = "180", message = "must be a number between -180 and 180")
            Double lon) {
    }
}
