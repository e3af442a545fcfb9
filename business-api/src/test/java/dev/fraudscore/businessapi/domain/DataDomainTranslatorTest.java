package dev.fraudscore.businessapi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.domain.Channel;
import dev.fraudscore.domain.DomainException;
import dev.fraudscore.domain.FieldViolation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDomainTranslatorTest {

    private final CurrencyTable currencies = new CurrencyTable("EUR", Map.of("JPY", new BigDecimal("0.0062")));
    private final TransactionValidator validator = Validators.of(currencies);
    private final DataDomainTranslator translator = new DataDomainTranslator(currencies);

    @Test
    void translatesEveryField() {
        RequestBuilder b = new RequestBuilder();
        b.occurredAt = "2026-11-22T11:15:30.5+01:00";
        b.value = "1500";
        b.currency = "JPY";
        b.channel = "MOTO";

        DataTransaction tx = translator.toDataDomain(validator.validate(b.build()));

        assertThat(tx).isEqualTo(new DataTransaction("tx-0001", Instant.parse("2026-11-22T10:15:30.5Z"), 930L, "EUR",
                "tok_4f9a2c", "424242", "FR", "cust-77", "m-1001", "5411", "FR", Channel.MOTO, "dev-9", "203.0.113.7",
                48.8566, 2.3522));
    }

    @Test
    void absentOptionalsAreNull() {
        RequestBuilder b = new RequestBuilder();
        b.withDevice = false;
        b.withLocation = false;

        DataTransaction tx = translator.toDataDomain(validator.validate(b.build()));

        assertThat(tx.deviceKey()).isNull();
        assertThat(tx.ip()).isNull();
        assertThat(tx.latitude()).isNull();
        assertThat(tx.longitude()).isNull();
    }

    @Test
    void anAmountTooLargeForTheBaseIsAFieldError() {
        CurrencyTable rich = new CurrencyTable("EUR", Map.of("USD", new BigDecimal("1e10")));
        RequestBuilder b = new RequestBuilder();
        b.value = "999999999999";
        b.currency = "USD";
        ValidTransaction tx = Validators.of(rich).validate(b.build());

        assertThatThrownBy(() -> new DataDomainTranslator(rich).toDataDomain(tx))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("amount.value", "is too large to convert into EUR")));
    }
}
