package dev.fraudscore.businessapi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.domain.Channel;
import dev.fraudscore.domain.DomainException;
import dev.fraudscore.domain.FieldViolation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TransactionValidatorTest {

    private static final Instant NOW = Validators.NOW;
    private static final String ENTITY_ID = "must be 1 to 128 characters of letters, digits and . _ : @ / + = ~ -";

    private final TransactionValidator validator = Validators.of(CurrencyTable.defaults());

    @Test
    void acceptsTheOpenApiExampleAndParsesEveryValue() {
        ValidTransaction tx = validator.validate(new RequestBuilder().build());

        assertThat(tx.transactionId()).isEqualTo("tx-0001");
        assertThat(tx.occurredAt()).isEqualTo(Instant.parse("2026-11-22T10:15:30Z"));
        assertThat(tx.amount()).isEqualByComparingTo(new BigDecimal("129.99"));
        assertThat(tx.currency()).isEqualTo("EUR");
        assertThat(tx.channel()).isEqualTo(Channel.ECOMMERCE);
        assertThat(tx.ip()).isEqualTo("203.0.113.7");
        assertThat(tx.latitude()).isEqualTo(48.8566);
    }

    @Test
    void acceptsAMinimalTransactionWithoutOptionalParts() {
        RequestBuilder b = new RequestBuilder();
        b.withDevice = false;
        b.withLocation = false;
        b.accountCreatedAt = null;
        b.emailDomain = null;

        ValidTransaction tx = validator.validate(b.build());

        assertThat(tx.deviceId()).isNull();
        assertThat(tx.ip()).isNull();
        assertThat(tx.latitude()).isNull();
    }

    @Test
    void offsetsAreConvertedToUtc() {
        RequestBuilder b = new RequestBuilder();
        b.occurredAt = "2026-11-22T11:15:30.250+01:00";

        assertThat(validator.validate(b.build()).occurredAt()).isEqualTo(Instant.parse("2026-11-22T10:15:30.250Z"));
    }

    @Test
    void transactionIdRules() {
        assertSingleError(b -> b.transactionId = null, "transactionId", "is required");
        assertSingleError(b -> b.transactionId = "tx 1", "transactionId",
                "must be 1 to 64 characters of letters, digits, '_' or '-', e.g. tx-0001");
        assertSingleError(b -> b.transactionId = "x".repeat(65), "transactionId",
                "must be 1 to 64 characters of letters, digits, '_' or '-', e.g. tx-0001");
        assertSingleError(b -> b.transactionId = "", "transactionId",
                "must be 1 to 64 characters of letters, digits, '_' or '-', e.g. tx-0001");
    }

    @Test
    void occurredAtMustBeRfc3339WithOffset() {
        String message = "must be an RFC 3339 timestamp with a time zone offset, e.g. 2026-11-22T10:15:30Z";
        assertSingleError(b -> b.occurredAt = "2026-11-22T10:15:30", "occurredAt", message);
        assertSingleError(b -> b.occurredAt = "22/11/2026", "occurredAt", message);
        assertSingleError(b -> b.occurredAt = null, "occurredAt", "is required");
    }

    @Test
    void occurredAtMayNotLieFarAheadOfTheServerClock() {
        RequestBuilder withinSkew = new RequestBuilder();
        withinSkew.occurredAt = NOW.plus(Duration.ofMinutes(5)).toString();
        assertThat(validator.validate(withinSkew.build()).occurredAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));

        assertSingleError(b -> b.occurredAt = NOW.plus(Duration.ofMinutes(5)).plusSeconds(1).toString(), "occurredAt",
                "lies more than 5 minutes after the server clock (2026-11-22T12:00:00Z); send the time the transaction happened");
    }

    @Test
    void amountRules() {
        assertSingleError(b -> b.withAmount = false, "amount",
                "is required: an object with value and currency, e.g. {\"value\": \"129.99\", \"currency\": \"EUR\"}");
        assertSingleError(b -> b.value = null, "amount.value", "is required");
        assertSingleError(b -> b.value = "12,50", "amount.value",
                "must be a positive decimal string with a dot before the decimals, e.g. \"129.99\"");
        assertSingleError(b -> b.value = "-5", "amount.value",
                "must be a positive decimal string with a dot before the decimals, e.g. \"129.99\"");
        assertSingleError(b -> b.value = "1e3", "amount.value",
                "must be a positive decimal string with a dot before the decimals, e.g. \"129.99\"");
        assertSingleError(b -> b.value = "0.00", "amount.value", "must be greater than zero");
        assertSingleError(b -> b.value = "1000000000000", "amount.value",
                "must be less than 10^12 (at most 12 digits before the decimal point)");
        assertSingleError(b -> b.value = "12.999", "amount.value", "must have at most 2 decimal places for EUR");
    }

    @Test
    void decimalPlacesFollowTheCurrency() {
        assertSingleError(b -> {
            b.value = "1500.5";
            b.currency = "JPY";
        }, "amount.value", "must be a whole number for JPY, which has no minor unit");
        RequestBuilder yen = new RequestBuilder();
        yen.value = "1500";
        yen.currency = "JPY";
        assertThat(validator.validate(yen.build()).amount()).isEqualByComparingTo("1500");
    }

    @Test
    void currencyRules() {
        assertSingleError(b -> b.currency = "eur", "amount.currency", "must be an ISO 4217 code of three capital letters, e.g. EUR");
        assertSingleError(b -> b.currency = null, "amount.currency", "is required");
        assertSingleError(b -> b.currency = "XYZ", "amount.currency",
                "is not a supported currency; use one of AUD, CAD, CHF, CZK, DKK, EUR, GBP, JPY, NOK, PLN, SEK, USD");
    }

    @Test
    void cardRules() {
        assertSingleError(b -> b.withCard = false, "card", "is required: an object with token, bin and country");
        assertSingleError(b -> b.token = " ", "card.token", ENTITY_ID);
        assertSingleError(b -> b.token = "4242424242424242", "card.token",
                "looks like a card number; send the token your card vault issued, never the card number");
        assertSingleError(b -> b.bin = "42424", "card.bin", "must be the first 6 to 8 digits of the card number, e.g. 424242");
        assertSingleError(b -> b.bin = "424242424", "card.bin", "must be the first 6 to 8 digits of the card number, e.g. 424242");
        assertSingleError(b -> b.cardCountry = "fr", "card.country",
                "must be an ISO 3166-1 alpha-2 country code of two capital letters, e.g. FR");
        assertSingleError(b -> b.cardCountry = "QQ", "card.country",
                "must be an ISO 3166-1 alpha-2 country code of two capital letters, e.g. FR");
    }

    @Test
    void aTokenOfDigitsThatFailsLuhnIsNotACardNumber() {
        RequestBuilder b = new RequestBuilder();
        b.token = "4242424242424241";
        assertThat(validator.validate(b.build()).cardToken()).isEqualTo("4242424242424241");
    }

    @Test
    void customerRules() {
        assertSingleError(b -> b.withCustomer = false, "customer", "is required: an object with at least an id");
        assertSingleError(b -> b.customerId = null, "customer.id", "is required");
        assertSingleError(b -> b.customerId = "c".repeat(129), "customer.id", ENTITY_ID);
        assertSingleError(b -> b.accountCreatedAt = "yesterday", "customer.accountCreatedAt",
                "must be an RFC 3339 timestamp with a time zone offset, e.g. 2026-11-22T10:15:30Z");
        assertSingleError(b -> b.emailDomain = "joe@example.com", "customer.emailDomain", EMAIL_DOMAIN);
    }

    private static final String EMAIL_DOMAIN = "must be a domain name such as example.com: the part of the e-mail"
            + " address after '@', at most 253 characters";

    @Test
    void idsArePrintableBoundedAndOfTheDocumentedCharacters() {
        for (String bad : new String[] {"\u0000", "tok\u0007", "caf\u00e9", "tok_\uD83D\uDCB3", "a b", "{card}", "x".repeat(129)}) {
            assertSingleError(b -> b.token = bad, "card.token", ENTITY_ID);
            assertSingleError(b -> b.customerId = bad, "customer.id", ENTITY_ID);
            assertSingleError(b -> b.merchantId = bad, "merchant.id", ENTITY_ID);
            assertSingleError(b -> b.deviceId = bad, "device.id", ENTITY_ID);
        }
        RequestBuilder vault = new RequestBuilder();
        vault.token = "tok_1Nv0:ab/CD+e=~x.y@z-9";
        assertThat(validator.validate(vault.build()).cardToken()).isEqualTo("tok_1Nv0:ab/CD+e=~x.y@z-9");
    }

    @Test
    void anEmailDomainIsADomainName() {
        for (String bad : new String[] {"1e308", "\u0000", "2026-02-30T00:00:00Z", "localhost", "example..com",
                "-example.com", "example.c0m1", "a".repeat(250) + ".com"}) {
            assertSingleError(b -> b.emailDomain = bad, "customer.emailDomain", EMAIL_DOMAIN);
        }
        for (String good : new String[] {"example.com", "mail.example.co.uk", "xn--bcher-kva.example"}) {
            RequestBuilder b = new RequestBuilder();
            b.emailDomain = good;
            assertThat(validator.validate(b.build()).transactionId()).isEqualTo("tx-0001");
        }
    }

    @Test
    void anAccountIsOpenedAfter1970AndBeforeItPays() {
        assertSingleError(b -> b.accountCreatedAt = "9999-01-01T00:00:00Z", "customer.accountCreatedAt",
                "lies after occurredAt (2026-11-22T10:15:30Z); an account is opened before it pays");
        assertSingleError(b -> b.accountCreatedAt = "0000-01-01T00:00:00Z", "customer.accountCreatedAt",
                "lies before 1970-01-01T00:00:00Z; send the instant the customer's account was opened");
        assertSingleError(b -> b.accountCreatedAt = "2026-02-30T00:00:00Z", "customer.accountCreatedAt",
                "must be an RFC 3339 timestamp with a time zone offset, e.g. 2026-11-22T10:15:30Z");
        RequestBuilder sameInstant = new RequestBuilder();
        sameInstant.accountCreatedAt = sameInstant.occurredAt;
        assertThat(validator.validate(sameInstant.build()).transactionId()).isEqualTo("tx-0001");
    }

    @Test
    void merchantRules() {
        assertSingleError(b -> b.withMerchant = false, "merchant", "is required: an object with id, categoryCode and country");
        assertSingleError(b -> b.categoryCode = "541", "merchant.categoryCode",
                "must be a merchant category code (MCC) of four digits, e.g. 5411");
        assertSingleError(b -> b.merchantCountry = "FRA", "merchant.country",
                "must be an ISO 3166-1 alpha-2 country code of two capital letters, e.g. FR");
        assertSingleError(b -> b.merchantId = "", "merchant.id", ENTITY_ID);
    }

    @Test
    void channelMustBeOneOfTheEnum() {
        assertSingleError(b -> b.channel = "ecommerce", "channel", "must be one of ECOMMERCE, POS, ATM, MOTO");
        assertSingleError(b -> b.channel = null, "channel", "is required");
    }

    @Test
    void ipMustBeALiteralAndIsNeverResolved() {
        String message = "must be an IPv4 or IPv6 address, e.g. 203.0.113.7 or 2001:db8::1";
        assertSingleError(b -> b.ip = "example.com", "device.ip", message);
        assertSingleError(b -> b.ip = "256.1.1.1", "device.ip", message);
        assertSingleError(b -> b.ip = "1.2.3", "device.ip", message);
        assertSingleError(b -> b.ip = "2001:db8::1::2", "device.ip", message);
        assertSingleError(b -> b.ip = "localhost", "device.ip", message);

        RequestBuilder v6 = new RequestBuilder();
        v6.ip = "2001:db8::1";
        assertThat(validator.validate(v6.build()).ip()).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void locationRanges() {
        assertSingleError(b -> b.lat = 90.5, "location.lat", "must be a number between -90 and 90");
        assertSingleError(b -> b.lon = -180.01, "location.lon", "must be a number between -180 and 180");
        assertSingleError(b -> b.lon = null, "location.lon", "is required when location is present");
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        RequestBuilder b = new RequestBuilder();
        b.transactionId = "bad id!";
        b.currency = "euro";
        b.bin = "12";
        b.channel = "PHONE";
        b.withCustomer = false;

        assertThatThrownBy(() -> validator.validate(b.build()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field)
                        .containsExactly("transactionId", "amount.currency", "card.bin", "customer", "channel"));
    }

    private void assertSingleError(Consumer<RequestBuilder> change, String field, String message) {
        RequestBuilder b = new RequestBuilder();
        change.accept(b);
        assertThatThrownBy(() -> validator.validate(b.build()))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.violations()).containsExactly(new FieldViolation(field, message)));
    }

    @Test
    void anEmptyRequestNamesEveryRequiredField() {
        TransactionRequest empty = new TransactionRequest(null, null, null, null, null, null, null, null, null);

        assertThatThrownBy(() -> validator.validate(empty))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field)
                        .isEqualTo(List.of("transactionId", "occurredAt", "amount", "card", "customer", "merchant", "channel")));
    }
}
