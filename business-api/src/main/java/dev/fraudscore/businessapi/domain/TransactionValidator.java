package dev.fraudscore.businessapi.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a {@link TransactionRequest} field by field and reports every bad field at once, each with a
 * message a caller can act on. Runs before anything else so that a rejected request changes no state.
 */
public final class TransactionValidator {

    private static final Pattern TRANSACTION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final Pattern BIN = Pattern.compile("[0-9]{6,8}");
    private static final Pattern MCC = Pattern.compile("[0-9]{4}");
    private static final Pattern CARD_NUMBER_LIKE = Pattern.compile("[0-9]{13,19}");
    private static final int MAX_ID_LENGTH = 128;
    private static final int MAX_DOMAIN_LENGTH = 253;
    private static final int MAX_INTEGER_DIGITS = 12;

    private final CurrencyTable currencies;
    private final Clock clock;
    private final Duration maxAhead;

    /**
     * @param maxAhead how far after the server clock {@code occurredAt} may lie (clock skew allowance)
     */
    public TransactionValidator(CurrencyTable currencies, Clock clock, Duration maxAhead) {
        this.currencies = currencies;
        this.clock = clock;
        this.maxAhead = maxAhead;
    }

    /** @throws InvalidTransactionException naming every bad field */
    public ValidTransaction validate(TransactionRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String id = transactionId(request.transactionId(), errors);
        Instant occurredAt = occurredAt(request.occurredAt(), errors);
        BigDecimal amount = null;
        String currency = null;
        if (request.amount() == null) {
            errors.add(new FieldError("amount", "is required: an object with value and currency, e.g. {\"value\": \"129.99\", \"currency\": \"EUR\"}"));
        } else {
            currency = currency(request.amount().currency(), errors);
            amount = amount(request.amount().value(), currency, errors);
        }
        TransactionRequest.Card card = request.card();
        if (card == null) {
            errors.add(new FieldError("card", "is required: an object with token, bin and country"));
        } else {
            cardToken(card.token(), errors);
            pattern("card.bin", card.bin(), BIN, "must be the first 6 to 8 digits of the card number, e.g. 424242", errors);
            FieldRules.country("card.country", card.country(), errors);
        }
        TransactionRequest.Customer customer = request.customer();
        if (customer == null) {
            errors.add(new FieldError("customer", "is required: an object with at least an id"));
        } else {
            FieldRules.id("customer.id", customer.id(), MAX_ID_LENGTH, errors);
            if (customer.accountCreatedAt() != null) {
                FieldRules.instant("customer.accountCreatedAt", customer.accountCreatedAt(), errors);
            }
            emailDomain(customer.emailDomain(), errors);
        }
        TransactionRequest.Merchant merchant = request.merchant();
        if (merchant == null) {
            errors.add(new FieldError("merchant", "is required: an object with id, categoryCode and country"));
        } else {
            FieldRules.id("merchant.id", merchant.id(), MAX_ID_LENGTH, errors);
            pattern("merchant.categoryCode", merchant.categoryCode(), MCC,
                    "must be a merchant category code (MCC) of four digits, e.g. 5411", errors);
            FieldRules.country("merchant.country", merchant.country(), errors);
        }
        PaymentChannel channel = channel(request.channel(), errors);
        String deviceId = null;
        String ip = null;
        if (request.device() != null) {
            deviceId = request.device().id();
            if (deviceId != null && (deviceId.isBlank() || deviceId.length() > MAX_ID_LENGTH)) {
                errors.add(new FieldError("device.id", "must be 1 to " + MAX_ID_LENGTH + " characters when present"));
            }
            ip = request.device().ip() == null ? null : ip(request.device().ip(), errors);
        }
        TransactionRequest.Location location = request.location();
        if (location != null) {
            FieldRules.coordinate("location.lat", location.lat(), 90, errors);
            FieldRules.coordinate("location.lon", location.lon(), 180, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidTransactionException(errors);
        }
        return new ValidTransaction(id, occurredAt, amount, currency, card.token(), card.bin(), card.country(),
                customer.id(), merchant.id(), merchant.categoryCode(), merchant.country(), channel,
                deviceId, ip, location == null ? null : location.lat(), location == null ? null : location.lon());
    }

    private static String transactionId(String value, List<FieldError> errors) {
        if (FieldRules.required("transactionId", value, errors) && !TRANSACTION_ID.matcher(value).matches()) {
            errors.add(new FieldError("transactionId",
                    "must be 1 to 64 characters of letters, digits, '_' or '-', e.g. tx-0001"));
        }
        return value;
    }

    private Instant occurredAt(String value, List<FieldError> errors) {
        Instant instant = FieldRules.required("occurredAt", value, errors) ? FieldRules.instant("occurredAt", value, errors) : null;
        if (instant != null) {
            Instant now = clock.instant();
            if (instant.isAfter(now.plus(maxAhead))) {
                errors.add(new FieldError("occurredAt", "lies more than " + FieldRules.describe(maxAhead)
                        + " after the server clock (" + now + "); send the time the transaction happened"));
                return null;
            }
        }
        return instant;
    }

    private String currency(String value, List<FieldError> errors) {
        if (!FieldRules.required("amount.currency", value, errors)) {
            return null;
        }
        if (!CURRENCY_CODE.matcher(value).matches()) {
            errors.add(new FieldError("amount.currency", "must be an ISO 4217 code of three capital letters, e.g. EUR"));
            return null;
        }
        if (!currencies.supports(value)) {
            errors.add(new FieldError("amount.currency", "is not a supported currency; use one of "
                    + String.join(", ", currencies.supported())));
            return null;
        }
        return value;
    }

    private BigDecimal amount(String value, String currency, List<FieldError> errors) {
        if (!FieldRules.required("amount.value", value, errors)) {
            return null;
        }
        if (!DECIMAL.matcher(value).matches()) {
            errors.add(new FieldError("amount.value",
                    "must be a positive decimal string with a dot before the decimals, e.g. \"129.99\""));
            return null;
        }
        BigDecimal amount = new BigDecimal(value);
        if (amount.signum() <= 0) {
            errors.add(new FieldError("amount.value", "must be greater than zero"));
            return null;
        }
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            errors.add(new FieldError("amount.value", "must be less than 10^" + MAX_INTEGER_DIGITS
                    + " (at most " + MAX_INTEGER_DIGITS + " digits before the decimal point)"));
            return null;
        }
        if (currency != null && amount.scale() > currencies.minorDigits(currency)) {
            int digits = currencies.minorDigits(currency);
            errors.add(new FieldError("amount.value", digits == 0
                    ? "must be a whole number for " + currency + ", which has no minor unit"
                    : "must have at most " + digits + " decimal places for " + currency));
            return null;
        }
        return amount;
    }

    private static void cardToken(String value, List<FieldError> errors) {
        if (!FieldRules.id("card.token", value, MAX_ID_LENGTH, errors)) {
            return;
        }
        // a token that looks like a card number probably is one: refuse it so that it is never stored
        if (CARD_NUMBER_LIKE.matcher(value).matches() && FieldRules.passesLuhn(value)) {
            errors.add(new FieldError("card.token",
                    "looks like a card number; send the token your card vault issued, never the card number"));
        }
    }

    private static void emailDomain(String value, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        if (value.isBlank() || value.length() > MAX_DOMAIN_LENGTH || value.contains("@") || value.chars().anyMatch(Character::isWhitespace)) {
            errors.add(new FieldError("customer.emailDomain",
                    "must be the domain part of the e-mail address (at most 253 characters, no '@'), e.g. example.com"));
        }
    }

    private static PaymentChannel channel(String value, List<FieldError> errors) {
        if (!FieldRules.required("channel", value, errors)) {
            return null;
        }
        for (PaymentChannel channel : PaymentChannel.values()) {
            if (channel.name().equals(value)) {
                return channel;
            }
        }
        errors.add(new FieldError("channel", "must be one of ECOMMERCE, POS, ATM, MOTO"));
        return null;
    }

    private static String ip(String value, List<FieldError> errors) {
        String normalised = IpLiteral.normalise(value);
        if (normalised == null) {
            errors.add(new FieldError("device.ip", "must be an IPv4 or IPv6 address, e.g. 203.0.113.7 or 2001:db8::1"));
        }
        return normalised;
    }

    private static void pattern(String field, String value, Pattern pattern, String message, List<FieldError> errors) {
        if (FieldRules.required(field, value, errors) && !pattern.matcher(value).matches()) {
            errors.add(new FieldError(field, message));
        }
    }
}
