package dev.fraudscore.businessapi.domain;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** The transaction validator of the tests: Hibernate Validator for the formats, a fixed clock. */
final class Validators {

    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Validator FORMATS = Validation.buildDefaultValidatorFactory().getValidator();

    private Validators() {
    }

    static TransactionValidator of(CurrencyTable currencies) {
        return new TransactionValidator(FORMATS, currencies, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));
    }
}
