package dev.fraudscore.businessapi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.contracts.common.v1.Channel;
import dev.fraudscore.contracts.feature.v1.Transaction;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDomainTranslatorTest {

    private final CurrencyTable currencies = new CurrencyTable("EUR", Map.of("JPY", new BigDecimal("0.0062")));
    private final TransactionValidator validator = new TransactionValidator(currencies,
            Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC), Duration.ofMinutes(5));
    private final DataDomainTranslator translator = new DataDomainTranslator(currencies);

    @Test
    void translatesEveryField() {
        RequestBuilder b = new RequestBuilder();
        b.occurredAt = "2026-11-22T11:15:30.5+01:00";
        b.value = "1500";
        b.currency = "JPY";
        b.channel = "MOTO";

        Transaction tx = translator.toDataDomain(validator.validate(b.build()));

        assertThat(tx.getTransactionId()).isEqualTo("tx-0001");
        assertThat(tx.getOccurredAt().getSeconds()).isEqualTo(Instant.parse("2026-11-22T10:15:30Z").getEpochSecond());
        assertThat(tx.getOccurredAt().getNanos()).isEqualTo(500_000_000);
        assertThat(tx.getAmountMinor()).isEqualTo(930L);
        assertThat(tx.getBaseCurrency()).isEqualTo("EUR");
        assertThat(tx.getCardKey()).isEqualTo("tok_4f9a2c");
        assertThat(tx.getCardBin()).isEqualTo("424242");
        assertThat(tx.getCardCountry()).isEqualTo("FR");
        assertThat(tx.getCustomerKey()).isEqualTo("cust-77");
        assertThat(tx.getMerchantKey()).isEqualTo("m-1001");
        assertThat(tx.getMerchantCategoryCode()).isEqualTo("5411");
        assertThat(tx.getMerchantCountry()).isEqualTo("FR");
        assertThat(tx.getChannel()).isEqualTo(Channel.MOTO);
        assertThat(tx.getDeviceKey()).isEqualTo("dev-9");
        assertThat(tx.getIp()).isEqualTo("203.0.113.7");
        assertThat(tx.hasLatitude()).isTrue();
        assertThat(tx.getLongitude()).isEqualTo(2.3522);
    }

    @Test
    void absentOptionalsAreEmptyInTheProto() {
        RequestBuilder b = new RequestBuilder();
        b.withDevice = false;
        b.withLocation = false;

        Transaction tx = translator.toDataDomain(validator.validate(b.build()));

        assertThat(tx.getDeviceKey()).isEmpty();
        assertThat(tx.getIp()).isEmpty();
        assertThat(tx.hasLatitude()).isFalse();
        assertThat(tx.hasLongitude()).isFalse();
    }

    @Test
    void everyChannelMaps() {
        for (PaymentChannel channel : PaymentChannel.values()) {
            assertThat(DataDomainTranslator.channel(channel).name()).isEqualTo(channel.name());
        }
    }

    @Test
    void anAmountTooLargeForTheBaseIsAFieldError() {
        CurrencyTable rich = new CurrencyTable("EUR", Map.of("USD", new BigDecimal("1e10")));
        TransactionValidator richValidator = new TransactionValidator(rich,
                Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC), Duration.ofMinutes(5));
        RequestBuilder b = new RequestBuilder();
        b.value = "999999999999";
        b.currency = "USD";
        ValidTransaction tx = richValidator.validate(b.build());

        assertThatThrownBy(() -> new DataDomainTranslator(rich).toDataDomain(tx))
                .isInstanceOfSatisfying(InvalidTransactionException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("amount.value", "is too large to convert into EUR")));
    }
}
