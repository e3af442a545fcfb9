package dev.fraudscore.businessapi.domain;

import dev.fraudscore.domain.Channel;
import dev.fraudscore.domain.DomainException;
import dev.fraudscore.domain.FieldViolation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a {@link TransactionRequest} and reports every bad field at once, one entry per field, each with a
 * message a caller can act on: first the formats the request declares (Bean Validation), then the rules
 * that need a table, a clock or another field. Runs before anything else, so a refused request changes no state.
 */
public final class TransactionValidator {

    private static final List<String> FIELD_ORDER = List.of("transactionId", "occurredAt", "amount", "amount.value",
            "amount.currency", "card", "card.token", "card.bin", "card.country", "customer", "customer.id",
            "customer.accountCreatedAt", "customer.emailDomain", "merchant", "merchant.id", "merchant.categoryCode",
            "merchant.country", "channel", "device.id", "device.ip", "location.lat", "location.lon");
    private static final Pattern CARD_NUMBER_LIKE = Pattern.compile("[0-9]{13,19}");
    private static final Instant EARLIEST_ACCOUNT = Instant.EPOCH;
    private static final int MAX_INTEGER_DIGITS = 12;

    private final Validator formats;
    private final CurrencyTable currencies;
    private final Clock clock;
    private final Duration maxAhead;

    /**
     * @param formats  the Bean Validation validator that checks the formats {@link TransactionRequest} declares
     * @param maxAhead how far after the server clock {@code occurredAt} may lie (clock skew allowance)
     */
    public TransactionValidator(Validator formats, CurrencyTable currencies, Clock clock, Duration maxAhead) {
        this.formats = formats;
        this.currencies = currencies;
        this.clock = clock;
        this.maxAhead = maxAhead;
    }

    /** @throws DomainException (INVALID) naming every bad field */
    public ValidTransaction validate(TransactionRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<TransactionRequest> violation : formats.validate(request)) {
            errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
        }
        Instant occurredAt = occurredAt(request.occurredAt(), errors);
        BigDecimal amount = request.amount() == null ? null : amount(request.amount(), errors);
        if (request.card() != null) {
            cardToken(request.card().token(), errors);
            country("card.country", request.card().country(), errors);
        }
        if (request.customer() != null) {
            accountCreatedAt(request.customer().accountCreatedAt(), occurredAt, errors);
        }
        if (request.merchant() != null) {
            country("merchant.country", request.merchant().country(), errors);
        }
        String ip = request.device() == null || request.device().ip() == null ? null : ip(request.device().ip(), errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalidFields("the transaction", errors.entrySet().stream()
                    .map(e -> new FieldViolation(e.getKey(), e.getValue()))
                    .sorted(Comparator.comparingInt(v -> order(v.field())))
                    .toList());
        }
        return valid(request, occurredAt, amount, ip);
    }

    private static ValidTransaction valid(TransactionRequest r, Instant occurredAt, BigDecimal amount, String ip) {
        return new ValidTransaction(r.transactionId(), occurredAt, amount, r.amount().currency(), r.card().token(),
                r.card().bin(), r.card().country(), r.customer().id(), r.merchant().id(), r.merchant().categoryCode(),
                r.merchant().country(), Channel.valueOf(r.channel()), r.device() == null ? null : r.device().id(), ip,
                r.location() == null ? null : r.location().lat(), r.location() == null ? null : r.location().lon());
    }

    private Instant occurredAt(String value, Map<String, String> errors) {
        Instant instant = value == null ? null : FieldRules.instant("occurredAt", value, errors);
        if (instant != null) {
            Instant now = clock.instant();
            if (instant.isAfter(now.plus(maxAhead))) {
                errors.put("occurredAt", "lies more than " + FieldRules.describe(maxAhead)
                        + " after the server clock (" + now + "); send the time the transaction happened");
                return null;
            }
        }
        return instant;
    }

    private BigDecimal amount(TransactionRequest.Amount given, Map<String, String> errors) {
        String currency = given.currency();
        boolean knownCurrency = !errors.containsKey("amount.currency") && currency != null;
        if (knownCurrency && !currencies.supports(currency)) {
            errors.put("amount.currency", "is not a supported currency; use one of " + String.join(", ", currencies.supported()));
            knownCurrency = false;
        }
        if (errors.containsKey("amount.value") || given.value() == null) {
            return null;
        }
        BigDecimal amount = new BigDecimal(given.value());
        if (amount.signum() <= 0) {
            errors.put("amount.value", "must be greater than zero");
        } else if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            errors.put("amount.value", "must be less than 10^" + MAX_INTEGER_DIGITS + " (at most " + MAX_INTEGER_DIGITS
                    + " digits before the decimal point)");
        } else if (knownCurrency && amount.scale() > currencies.minorDigits(currency)) {
            int digits = currencies.minorDigits(currency);
            errors.put("amount.value", digits == 0
                    ? "must be a whole number for " + currency + ", which has no minor unit"
                    : "must have at most " + digits + " decimal places for " + currency);
        }
        return amount;
    }

    private static void cardToken(String value, Map<String, String> errors) {
        // a token that looks like a card number probably is one: refuse it so that it is never stored
        if (value != null && !errors.containsKey("card.token") && CARD_NUMBER_LIKE.matcher(value).matches()
                && FieldRules.passesLuhn(value)) {
            errors.put("card.token", "looks like a card number; send the token your card vault issued, never the card number");
        }
    }

    private static void country(String field, String value, Map<String, String> errors) {
        if (value != null && !errors.containsKey(field) && !FieldRules.isCountry(value)) {
            errors.put(field, TransactionRequest.COUNTRY_MESSAGE);
        }
    }

    /** An account cannot be opened before 1970 (or before card payments went online) nor after the payment. */
    private static void accountCreatedAt(String value, Instant occurredAt, Map<String, String> errors) {
        String field = "customer.accountCreatedAt";
        Instant created = value == null ? null : FieldRules.instant(field, value, errors);
        if (created == null) {
            return;
        }
        if (created.isBefore(EARLIEST_ACCOUNT)) {
            errors.put(field, "lies before 1970-01-01T00:00:00Z; send the instant the customer's account was opened");
        } else if (occurredAt != null && created.isAfter(occurredAt)) {
            errors.put(field, "lies after occurredAt (" + occurredAt + "); an account is opened before it pays");
        }
    }

    private static String ip(String value, Map<String, String> errors) {
        String normalised = IpLiteral.normalise(value);
        if (normalised == null) {
            errors.put("device.ip", "must be an IPv4 or IPv6 address, e.g. 203.0.113.7 or 2001:db8::1");
        }
        return normalised;
    }

    private static int order(String field) {
        int index = FIELD_ORDER.indexOf(field);
        return index < 0 ? FIELD_ORDER.size() : index;
    }
}
